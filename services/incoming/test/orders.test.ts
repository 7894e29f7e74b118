import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorReply, OrderPage, OrderView } from './support/replies.ts';
import { TestStack } from './support/stack.ts';

// Monday 7 December 2026, 10:00 in Kolkata: the business is open.
const MONDAY_OPEN = '2026-12-07T04:30:00.000Z';
// Saturday 5 December 2026, 11:00 in Kolkata.
const SATURDAY = '2026-12-05T05:30:00.000Z';

const payment = { method: 'upi', amount: '499.00', currency: 'INR' };
let serial = 0;
const nextOrderId = () => `ORD-${++serial}`;

describe('orders API', () => {
  let stack: TestStack;
  let asha: { id: string; name: string };
  let lee: { id: string; name: string };

  beforeAll(async () => {
    stack = await TestStack.start('orders');
    asha = await stack.addCustomer({
      name: 'Asha Rao',
      workingHours: { start: '08:00', end: '22:00' },
    });
    lee = await stack.addCustomer({
      name: 'Lee Chen',
      timeZone: 'America/Los_Angeles',
      workingHours: { start: '08:00', end: '22:00' },
    });
    await stack.setClock(MONDAY_OPEN);
  });
  afterAll(() => stack?.close());

  const post = (payload: unknown, url = '/v1/orders') =>
    stack.incoming.inject({ method: 'POST', url, payload: payload as object });

  it('confirms an order placed while the business is open and hands the confirmation over at once', async () => {
    const orderId = nextOrderId();
    const response = await post({ customer: 'Asha Rao', orderId, productId: 'SKU-9', payment });
    expect(response.statusCode).toBe(201);
    const order = response.json<OrderView>();
    expect(order).toMatchObject({
      orderId,
      status: 'confirmed',
      reason: 'open',
      customerId: asha.id,
      customerName: 'Asha Rao',
      placedAt: MONDAY_OPEN,
      confirmedAt: MONDAY_OPEN,
      confirmedAtLocal: '2026-12-07T10:00:00+05:30',
      processingAt: MONDAY_OPEN,
      payment,
      reply: `Hi Asha Rao, your order ${orderId} (SKU-9, INR 499.00) is confirmed. Thank you!`,
    });

    const stored = await stack.order(orderId);
    expect(stored.confirmationMessageId).toMatch(/^msg_/);
    // The 201 names the confirmation it handed over, and so does a replay of it.
    expect(order.confirmationMessageId).toBe(stored.confirmationMessageId);
    const replay = await post({ customer: 'Asha Rao', orderId, productId: 'SKU-9', payment });
    expect(replay.json<OrderView>().confirmationMessageId).toBe(stored.confirmationMessageId);
    const message = await stack.message(stored.confirmationMessageId ?? '');
    expect(message).toMatchObject({
      kind: 'order-confirmation',
      orderId,
      customerId: asha.id,
      text: order.reply,
    });
  });

  /** Runs `body` with every service's clock at `now`, then puts it back to Monday 10:00. */
  async function at<T>(now: string, body: () => Promise<T>): Promise<T> {
    await stack.setClock(now);
    try {
      return await body();
    } finally {
      await stack.setClock(MONDAY_OPEN);
    }
  }

  it('defers a Saturday order to Monday’s opening and tells the customer when, in their own time', async () => {
    const orderId = nextOrderId();
    const response = await at(SATURDAY, () =>
      post({
        customerId: lee.id,
        orderId,
        productId: 'SKU-1',
        payment,
        placedAt: SATURDAY,
      }),
    );
    expect(response.statusCode).toBe(202);
    expect(response.json<OrderView>()).toMatchObject({
      orderId,
      status: 'pending',
      reason: 'closed-day',
      customerTimeZone: 'America/Los_Angeles',
      placedAt: SATURDAY,
      placedAtLocal: '2026-12-04T21:30:00-08:00',
      processingAt: '2026-12-07T03:30:00.000Z',
      processingAtLocal: '2026-12-06T19:30:00-08:00',
      confirmedAt: null,
      confirmationMessageId: null,
    });
    expect(response.json<OrderView>().reply).toContain(
      'it will be processed on Sunday 6 December at 19:30 your time.',
    );
  });

  it('tells a customer in the business’s zone the weekend order is processed on Monday', async () => {
    const response = await at(SATURDAY, () =>
      post({
        customer: 'asha rao',
        orderId: nextOrderId(),
        productId: 'SKU-1',
        payment,
        placedAt: SATURDAY,
      }),
    );
    expect(response.statusCode).toBe(202);
    expect(response.json<OrderView>().reply).toContain('on Monday 7 December at 09:00 your time');
    expect(response.json<OrderView>().processingAtLocal).toBe('2026-12-07T09:00:00+05:30');
  });

  it('decides a Saturday order received on Monday on its placedAt, and says it is processed now', async () => {
    // Monday 10:00 IST; placedAt Saturday 18:30 IST: pending until Monday 09:00 (SPEC §3
    // decides on placedAt), already past — the reply says so, and the worker confirms it.
    const orderId = nextOrderId();
    const response = await post({
      customer: 'Asha Rao',
      orderId,
      productId: 'SKU-1',
      payment,
      placedAt: '2026-12-05T13:00:00.000Z',
    });
    expect(response.statusCode).toBe(202);
    expect(response.json<OrderView>()).toMatchObject({
      status: 'pending',
      processingAt: '2026-12-07T03:30:00.000Z',
      placedAt: '2026-12-05T13:00:00.000Z',
    });
    expect(response.json<OrderView>().reply).toContain(
      'We were closed when you placed it; it is being processed now.',
    );
    await stack.runDue();
    expect((await stack.order(orderId)).status).toBe('confirmed');
  });

  it('says tomorrow when the business is closed for the night', async () => {
    const response = await at('2026-12-07T13:30:00.000Z', () =>
      post({
        customer: 'Asha Rao',
        orderId: nextOrderId(),
        productId: 'SKU-1',
        payment,
        placedAt: '2026-12-07T19:00:00+05:30',
      }),
    );
    expect(response.statusCode).toBe(202);
    expect(response.json<OrderView>()).toMatchObject({
      reason: 'outside-hours',
      processingAt: '2026-12-08T03:30:00.000Z',
    });
    expect(response.json<OrderView>().reply).toContain(
      'tomorrow, Tuesday 8 December at 09:00 your time',
    );
  });

  it('serves the seed route POST /incomings exactly like POST /v1/orders', async () => {
    const orderId = nextOrderId();
    const response = await post(
      { customer: 'Asha Rao', orderId, productId: 'SKU-2', payment },
      '/incomings',
    );
    expect(response.statusCode).toBe(201);
    const again = await post({ customer: 'Asha Rao', orderId, productId: 'SKU-2', payment });
    expect(again.statusCode).toBe(201);
    expect(again.body).toBe(response.body);
  });

  it('answers 422 UNKNOWN_CUSTOMER for a name or an id nobody has, and stores nothing', async () => {
    const orderId = nextOrderId();
    const byName = await post({ customer: 'Nobody', orderId, productId: 'P', payment });
    expect(byName.statusCode).toBe(422);
    expect(byName.json<ErrorReply>().error).toMatchObject({
      code: 'UNKNOWN_CUSTOMER',
      details: [{ field: 'customer' }],
    });
    const byId = await post({
      customerId: 'cus_01JDZ3V1Q7S8X9Y0ZABCDEFGHJ',
      orderId,
      productId: 'P',
      payment,
    });
    expect(byId.statusCode).toBe(422);
    expect(byId.json<ErrorReply>().error.details[0]?.field).toBe('customerId');
    expect(
      (await stack.incoming.inject({ method: 'GET', url: `/v1/orders/${orderId}` })).statusCode,
    ).toBe(404);
  });

  const valid = { customer: 'Asha Rao', productId: 'SKU-9', payment };
  it.each([
    ['an amount given as a number', { payment: { ...payment, amount: 499.5 } }, 'payment.amount'],
    ['a negative amount', { payment: { ...payment, amount: '-499.00' } }, 'payment.amount'],
    ['a zero amount', { payment: { ...payment, amount: '0.00' } }, 'payment.amount'],
    ['a malformed amount', { payment: { ...payment, amount: '4,99' } }, 'payment.amount'],
    ['too many decimals', { payment: { ...payment, amount: '499.001' } }, 'payment.amount'],
    [
      'decimals in yen',
      { payment: { ...payment, amount: '499.50', currency: 'JPY' } },
      'payment.amount',
    ],
    ['an unknown currency', { payment: { ...payment, currency: 'XYZ' } }, 'payment.currency'],
    ['a lower-case currency', { payment: { ...payment, currency: 'inr' } }, 'payment.currency'],
    ['an empty payment method', { payment: { ...payment, method: '' } }, 'payment.method'],
    ['a missing payment', { payment: undefined }, 'payment'],
    ['both customer and customerId', { customerId: 'cus_x' }, 'customerId'],
    ['neither customer nor customerId', { customer: undefined }, 'customer'],
    ['an unknown property', { coupon: 'FREE' }, 'coupon'],
    ['a placedAt that is not an instant', { placedAt: 'yesterday' }, 'placedAt'],
    ['a placedAt without a zone', { placedAt: '2026-12-07T10:00:00' }, 'placedAt'],
    ['a productId given as a number', { productId: 42 }, 'productId'],
  ])('rejects %s with 400 naming the field, storing nothing', async (_what, change, field) => {
    const orderId = nextOrderId();
    const response = await post({ ...valid, orderId, ...change });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorReply>().error.code).toBe('VALIDATION_FAILED');
    expect(
      response.json<ErrorReply>().error.details.map((d: { field: string }) => d.field),
    ).toContain(field);
    expect(
      (await stack.incoming.inject({ method: 'GET', url: `/v1/orders/${orderId}` })).statusCode,
    ).toBe(404);
  });

  it('lists orders by status, page by page, with a cursor', async () => {
    // The weekend orders were placed on Saturday: they were due at Monday's opening,
    // before the clock's now, so the worker has confirmed them. Tuesday's is pending.
    await stack.runDue();
    const walk = async (status: string, limit: number) => {
      const seen: { status: string; orderId: string }[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url: string = `/v1/orders?status=${status}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
        const response = await stack.incoming.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(200);
        const page = response.json<OrderPage>();
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== null);
      return { seen, pages };
    };
    const pending = await walk('pending', 1);
    expect(pending.seen.map((order) => order.status)).toEqual(['pending']);
    const confirmed = await walk('confirmed', 3);
    expect(confirmed.pages).toBe(2);
    expect(confirmed.seen.map((order) => order.orderId)).toEqual([
      'ORD-1',
      'ORD-2',
      'ORD-3',
      'ORD-4',
      'ORD-6',
    ]);
    expect(confirmed.seen.every((order) => order.status === 'confirmed')).toBe(true);
    const everything = (
      await stack.incoming.inject({ method: 'GET', url: '/v1/orders' })
    ).json<OrderPage>();
    expect(everything.items).toHaveLength(6);
    expect(everything.nextCursor).toBeNull();
  });

  it('rejects a tampered cursor and an unknown status with 400', async () => {
    const bad = await stack.incoming.inject({ method: 'GET', url: '/v1/orders?cursor=abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorReply>().error.details[0]?.field).toBe('cursor');
    const status = await stack.incoming.inject({ method: 'GET', url: '/v1/orders?status=lost' });
    expect(status.statusCode).toBe(400);
  });
});
