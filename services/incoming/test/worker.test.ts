import { type App, databaseNow } from '@screenmagic/service-kit';
import { INTERNAL_AUTH_HEADERS } from '@screenmagic/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDue, takeClaimed } from '../src/db/work-queue.ts';
import type { OrderView } from './support/replies.ts';
import { TestStack } from './support/stack.ts';

const payment = { method: 'upi', amount: '250.00', currency: 'INR' };
/** The lease, on the database's real-time clock (renewed by the worker's heartbeat). */
const LOCK_TIMEOUT_MS = 2_000;
const RETRY_BASE_MS = 1_000;

/** `iso` moved by `ms`. */
const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

describe('the pending-order worker', () => {
  let stack: TestStack;
  let kenji: { id: string };

  beforeAll(async () => {
    stack = await TestStack.start('worker', {
      incomingEnv: {
        ORDER_WORKER_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS),
        ORDER_WORKER_RETRY_BASE_MS: String(RETRY_BASE_MS),
        ORDER_WORKER_POLL_INTERVAL_MS: '200',
      },
    });
    await stack.addCustomer({ name: 'Asha Rao', workingHours: { start: '08:00', end: '22:00' } });
    // Tokyo 14:00–20:00 = 05:00Z–11:00Z: inside the business's 03:30Z–12:30Z from 05:00Z.
    kenji = await stack.addCustomer({
      name: 'Kenji Sato',
      timeZone: 'Asia/Tokyo',
      workingHours: { start: '14:00', end: '20:00' },
    });
  });
  afterAll(() => stack?.close());

  const post = (payload: object, app: App = stack.incoming) =>
    app.inject({ method: 'POST', url: '/v1/orders', payload });
  const placePending = async (orderId: string, customer = 'Asha Rao') => {
    const response = await post({ customer, orderId, productId: 'SKU-1', payment });
    expect(response.statusCode).toBe(202);
    return response.json<OrderView>();
  };
  const queueRow = (orderId: string) =>
    stack.incoming.incoming.db
      .selectFrom('pending_order')
      .selectAll()
      .where('order_id', '=', orderId)
      .executeTakeFirst();
  const outboxRow = (orderId: string) =>
    stack.incoming.incoming.db
      .selectFrom('confirmation_outbox')
      .selectAll()
      .where('order_id', '=', orderId)
      .executeTakeFirst();

  it('confirms a weekend order at Monday’s opening and hands it over held to the customer’s window', async () => {
    await stack.setClock('2026-12-05T05:30:00.000Z'); // Saturday 11:00 IST
    const placed = await placePending('W-1', 'Kenji Sato');
    expect(placed.processingAt).toBe('2026-12-07T03:30:00.000Z');
    expect(placed.reply).toContain('on Monday 7 December at 12:30 your time');

    await stack.setClock('2026-12-07T03:29:59.999Z');
    expect(await stack.runDue()).toEqual({ confirmed: 0, handedOver: 0, retried: 0, corrected: 0 });
    expect((await stack.order('W-1')).status).toBe('pending');

    await stack.setClock('2026-12-07T03:30:00.000Z');
    expect(await stack.runDue()).toEqual({ confirmed: 1, handedOver: 1, retried: 0, corrected: 0 });
    const order = await stack.order('W-1');
    expect(order).toMatchObject({ status: 'confirmed', confirmedAt: '2026-12-07T03:30:00.000Z' });
    expect(await queueRow('W-1')).toBeUndefined();
    const message = await stack.message(order.confirmationMessageId ?? '');
    expect(message).toMatchObject({
      kind: 'order-confirmation',
      orderId: 'W-1',
      customerId: kenji.id,
      text: 'Hi Kenji Sato, your order W-1 (SKU-1, INR 250.00) is confirmed. Thank you!',
      // Held to Kenji's delivery window, which opens at 14:00 in Tokyo.
      scheduledFor: '2026-12-07T05:00:00.000Z',
      scheduledForLocal: '2026-12-07T14:00:00+09:00',
    });
  });

  it('keeps an order pending while the outgoing service is down and confirms it once it is back', async () => {
    await stack.setClock('2026-12-12T05:30:00.000Z');
    await placePending('W-2');
    stack.outgoingProxy.down();
    try {
      await stack.setClock('2026-12-14T03:30:00.000Z');
      const ran = await stack.runDue();
      expect(ran).toMatchObject({ confirmed: 0, handedOver: 0 });
      expect(ran['retried']).toBeGreaterThanOrEqual(1);
      expect((await stack.order('W-2')).status).toBe('pending');
      const row = await queueRow('W-2');
      expect(row).toMatchObject({ locked_by: null, attempts: 1 });
      // The back-off, jittered between half of it and all of it.
      expect(row?.due_at.getTime()).toBeGreaterThanOrEqual(
        Date.parse(plus('2026-12-14T03:30:00.000Z', RETRY_BASE_MS / 2)),
      );
      expect(row?.due_at.getTime()).toBeLessThanOrEqual(
        Date.parse(plus('2026-12-14T03:30:00.000Z', RETRY_BASE_MS)),
      );
      expect(row?.last_error).toMatch(/outgoing/);
    } finally {
      stack.outgoingProxy.up();
    }
    // Back up, but the retry is not due until its back-off has passed.
    expect(await stack.runDue()).toEqual({ confirmed: 0, handedOver: 0, retried: 0, corrected: 0 });
    await stack.setClock(plus('2026-12-14T03:30:00.000Z', RETRY_BASE_MS));
    expect(await stack.runDue()).toEqual({ confirmed: 1, handedOver: 1, retried: 0, corrected: 0 });
    const order = await stack.order('W-2');
    expect(order).toMatchObject({
      status: 'confirmed',
      confirmedAt: plus('2026-12-14T03:30:00.000Z', RETRY_BASE_MS),
    });
    expect(order.confirmationMessageId).toMatch(/^msg_/);
  });

  it('confirms an order placed while open even when the outgoing service is down, and hands it over later', async () => {
    const tuesday = '2026-12-15T04:30:00.000Z'; // 10:00 IST
    await stack.setClock(tuesday);
    stack.outgoingProxy.down();
    let placed: OrderView;
    try {
      const response = await post({
        customer: 'Asha Rao',
        orderId: 'W-3',
        productId: 'SKU-1',
        payment,
      });
      expect(response.statusCode).toBe(201);
      placed = response.json<OrderView>();
      expect(placed).toMatchObject({ status: 'confirmed', confirmedAt: tuesday });
      expect((await stack.order('W-3')).confirmationMessageId).toBeNull();
      expect(await outboxRow('W-3')).toMatchObject({ locked_by: null, attempts: 1 });
    } finally {
      stack.outgoingProxy.up();
    }
    await stack.setClock(plus(tuesday, RETRY_BASE_MS));
    expect(await stack.runDue()).toEqual({ confirmed: 0, handedOver: 1, retried: 0, corrected: 0 });
    expect(await outboxRow('W-3')).toBeUndefined();
    const order = await stack.order('W-3');
    expect(order.confirmedAt).toBe(tuesday);
    const message = await stack.message(order.confirmationMessageId ?? '');
    expect(message).toMatchObject({ orderId: 'W-3', text: placed.reply });
    // The retry changed nothing the client was told: the first answer still replays.
    const again = await post({ customer: 'Asha Rao', orderId: 'W-3', productId: 'SKU-1', payment });
    expect(again.json<OrderView>()).toEqual(placed);
  });

  it('picks up orders whose worker died mid-batch once the claim is stale, confirming each once', async () => {
    const opening = '2026-12-21T03:30:00.000Z';
    await stack.setClock('2026-12-19T05:30:00.000Z');
    for (const id of ['W-4a', 'W-4b', 'W-4c']) await placePending(id);
    const { db } = stack.incoming.incoming;
    // A worker claims them at the opening, hands W-4a's confirmation over, then dies.
    const claimed = await claimDue(db, 'pending_order', {
      now: new Date(opening),
      workerId: 'dead-worker',
      limit: 10,
    });
    expect(claimed.map((c) => c.orderId).sort()).toEqual(['W-4a', 'W-4b', 'W-4c']);
    const handedByDeadWorker = await stack.outgoing.inject({
      method: 'POST',
      url: '/internal/messages',
      headers: INTERNAL_AUTH_HEADERS,
      payload: {
        kind: 'order-confirmation',
        orderId: 'W-4a',
        customerId: (await stack.order('W-4a')).customerId,
        text: 'x',
        holdToWindow: true,
      },
    });
    expect(handedByDeadWorker.statusCode).toBe(201);

    // While its lease (real time, on the database's clock) lasts, nobody takes them over,
    // however far the test clock moves.
    await stack.setClock(opening);
    expect(await stack.runDue()).toEqual({ confirmed: 0, handedOver: 0, retried: 0, corrected: 0 });
    const later = plus(opening, 60_000);
    await stack.setClock(later);
    expect(await stack.runDue()).toEqual({ confirmed: 0, handedOver: 0, retried: 0, corrected: 0 });

    // Once it has expired, the worker releases and confirms them (in the background or
    // in the run-due below: either way they are in its report).
    await new Promise((resolve) => setTimeout(resolve, LOCK_TIMEOUT_MS + 100));
    expect(await stack.runDue()).toEqual({ confirmed: 3, handedOver: 3, retried: 0, corrected: 0 });
    const a = await stack.order('W-4a');
    expect(a.status).toBe('confirmed');
    // The outgoing service is idempotent on orderId: the dead worker's message is the one.
    expect(a.confirmationMessageId).toBe(
      handedByDeadWorker.json<{ messageId: string }>().messageId,
    );
    expect(await queueRow('W-4b')).toBeUndefined();
    // Nothing is confirmed twice: another run finds nothing, and the dead worker cannot
    // complete rows it no longer holds.
    expect(await stack.runDue()).toEqual({ confirmed: 0, handedOver: 0, retried: 0, corrected: 0 });
    const lateCompletion = await db
      .transaction()
      .execute((trx) => takeClaimed(trx, 'pending_order', 'dead-worker', ['W-4a', 'W-4b', 'W-4c']));
    expect(lateCompletion).toEqual([]);
    expect((await stack.order('W-4b')).confirmedAt).toBe(later);
  });

  it('lets two replicas drain the same opening together, confirming every order exactly once', async () => {
    const opening = '2026-12-28T03:30:00.000Z';
    const replica = await stack.replica({ runWorker: false });
    try {
      await stack.setClock('2026-12-26T05:30:00.000Z', replica);
      const ids = Array.from({ length: 30 }, (_, i) => `W-5-${i}`);
      for (const id of ids) await placePending(id);
      await stack.setClock(opening, replica);
      const [one, two] = await Promise.all([stack.runDue(), stack.runDue(replica)]);
      expect((one?.['confirmed'] ?? 0) + (two?.['confirmed'] ?? 0)).toBe(30);
      const orders = await Promise.all(ids.map((id) => stack.order(id)));
      expect(orders.every((o) => o.status === 'confirmed' && o.confirmedAt === opening)).toBe(true);
      expect(new Set(orders.map((o) => o.confirmationMessageId)).size).toBe(30);
    } finally {
      await replica.close();
    }
  });

  it('hands over an open-hours confirmation whose request died before handing it over', async () => {
    const tuesday = '2026-12-29T04:30:00.000Z';
    await stack.setClock(tuesday);
    const response = await post({
      customer: 'Asha Rao',
      orderId: 'W-6',
      productId: 'SKU-1',
      payment,
    });
    expect(response.statusCode).toBe(201);
    // As if the process had died between storing the order and handing it over.
    const { db } = stack.incoming.incoming;
    await db
      .updateTable('customer_order')
      .set({ confirmation_message_id: null })
      .where('order_id', '=', 'W-6')
      .execute();
    await db
      .insertInto('confirmation_outbox')
      .values({
        order_id: 'W-6',
        due_at: new Date(tuesday),
        attempts: 1,
        locked_by: 'dead:request',
        locked_at: databaseNow(),
        last_error: null,
      })
      .execute();
    expect(await stack.runDue()).toEqual({ confirmed: 0, handedOver: 0, retried: 0, corrected: 0 });
    await new Promise((resolve) => setTimeout(resolve, LOCK_TIMEOUT_MS + 100));
    expect(await stack.runDue()).toEqual({ confirmed: 0, handedOver: 1, retried: 0, corrected: 0 });
    expect((await stack.order('W-6')).confirmationMessageId).toMatch(/^msg_/);
  });
});
