import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { readConfig } from '../src/config.ts';
import type { ErrorReply, OrderView } from './support/replies.ts';
import { TestStack } from './support/stack.ts';

const MONDAY_OPEN = '2026-12-07T04:30:00.000Z';
const payment = { method: 'card', amount: '1299.00', currency: 'INR' };

describe('orders are idempotent on orderId', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start('idem');
    await stack.addCustomer({ name: 'Asha Rao', workingHours: { start: '08:00', end: '22:00' } });
    await stack.setClock(MONDAY_OPEN);
  });
  afterAll(() => stack?.close());

  const post = (payload: object) =>
    stack.incoming.inject({ method: 'POST', url: '/v1/orders', payload });
  const rows = async (orderId: string) => {
    const { db } = stack.incoming.incoming;
    const orders = await db
      .selectFrom('customer_order')
      .selectAll()
      .where('order_id', '=', orderId)
      .execute();
    const pending = await db
      .selectFrom('pending_order')
      .selectAll()
      .where('order_id', '=', orderId)
      .execute();
    const outbox = await db
      .selectFrom('confirmation_outbox')
      .selectAll()
      .where('order_id', '=', orderId)
      .execute();
    return { orders: orders.length, pending: pending.length, outbox: outbox.length };
  };

  it('answers a repeated identical request with the first answer and creates nothing new', async () => {
    const body = { customer: 'Asha Rao', orderId: 'IDEM-1', productId: 'SKU-1', payment };
    const first = await post(body);
    expect(first.statusCode).toBe(201);
    // Later, the clock has moved: a retry without placedAt is still the same request.
    await stack.setClock('2026-12-07T05:00:00.000Z');
    const second = await post(body);
    expect(second.statusCode).toBe(201);
    expect(second.body).toBe(first.body);
    expect(await rows('IDEM-1')).toEqual({ orders: 1, pending: 0, outbox: 0 });
  });

  it('treats the same order spelled differently as the same request', async () => {
    const first = await post({
      customer: 'Asha Rao',
      orderId: 'IDEM-2',
      productId: 'SKU-1',
      payment: { method: 'card', amount: '10.5', currency: 'INR' },
      placedAt: '2026-12-05T11:00:00+05:30',
    });
    expect(first.statusCode).toBe(202);
    const second = await post({
      placedAt: '2026-12-05T05:30:00.000Z',
      payment: { currency: 'INR', amount: '10.50', method: 'card' },
      productId: 'SKU-1',
      orderId: 'IDEM-2',
      customer: '  ASHA RAO ',
    });
    expect(second.statusCode).toBe(202);
    expect(second.body).toBe(first.body);
  });

  it('keeps answering a pending order’s first answer after the worker confirmed it', async () => {
    const body = {
      customer: 'Asha Rao',
      orderId: 'IDEM-3',
      productId: 'SKU-1',
      payment,
      placedAt: '2026-12-05T05:30:00Z',
    };
    const first = await post(body);
    expect(first.statusCode).toBe(202);
    await stack.runDue();
    const current = await stack.order('IDEM-3');
    expect(current.status).toBe('confirmed');
    const again = await post(body);
    expect(again.statusCode).toBe(202);
    expect(again.body).toBe(first.body);
  });

  it('refuses the same orderId with a different body: 409 ORDER_CONFLICT, the order unchanged', async () => {
    const body = { customer: 'Asha Rao', orderId: 'IDEM-4', productId: 'SKU-1', payment };
    const first = await post(body);
    const conflict = await post({ ...body, payment: { ...payment, amount: '1300.00' } });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json<ErrorReply>().error).toMatchObject({
      code: 'ORDER_CONFLICT',
      details: [{ field: 'orderId' }],
    });
    const stored = await stack.order('IDEM-4');
    expect(stored.payment.amount).toBe('1299.00');
    expect(stored.reply).toBe(first.json<OrderView>().reply);
  });

  it('stores one order when identical requests race, and gives every one the same answer', async () => {
    const body = { customer: 'Asha Rao', orderId: 'RACE-1', productId: 'SKU-7', payment };
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(body)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(await rows('RACE-1')).toEqual({ orders: 1, pending: 0, outbox: 0 });
    const order = await stack.order('RACE-1');
    const message = await stack.message(order.confirmationMessageId ?? '');
    expect(message).toMatchObject({ orderId: 'RACE-1', kind: 'order-confirmation' });
  });

  it('stores one pending order when identical weekend requests race', async () => {
    const body = {
      customer: 'Asha Rao',
      orderId: 'RACE-2',
      productId: 'SKU-7',
      payment,
      placedAt: '2026-12-12T05:30:00Z',
    };
    const [a, b] = await Promise.all([post(body), post(body)]);
    expect([a?.statusCode, b?.statusCode]).toEqual([202, 202]);
    expect(a?.body).toBe(b?.body);
    expect(await rows('RACE-2')).toEqual({ orders: 1, pending: 1, outbox: 0 });
  });

  it('lets exactly one of two racing requests with different bodies win; the other gets 409', async () => {
    const body = { customer: 'Asha Rao', orderId: 'RACE-3', productId: 'SKU-7', payment };
    const answers = await Promise.all([post(body), post({ ...body, productId: 'SKU-8' })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const winner = answers.find((a) => a.statusCode === 201)?.json<OrderView>();
    const stored = await stack.order('RACE-3');
    expect(stored.productId).toBe(winner?.productId);
    expect(await rows('RACE-3')).toMatchObject({ orders: 1 });
  });

  it('replays the first answer even while the customer service is down', async () => {
    const body = { customer: 'Asha Rao', orderId: 'IDEM-5', productId: 'SKU-1', payment };
    const first = await post(body);
    const isolated = await buildApp(
      readConfig({ ...stack.env, CUSTOMER_SERVICE_URL: 'http://127.0.0.1:1' }),
      false,
      {
        runWorker: false,
      },
    );
    try {
      const again = await isolated.inject({ method: 'POST', url: '/v1/orders', payload: body });
      expect(again.statusCode).toBe(first.statusCode);
      expect(again.body).toBe(first.body);
    } finally {
      await isolated.close();
    }
  });
});
