import { describe, expect, it } from 'vitest';
import {
  clearDeliveries,
  client,
  type Delivery,
  deliveryLog,
  setClock,
  uniqueName,
} from './support/client.ts';

// The e2e business calendar: Mon–Fri 09:00–18:00 Europe/London (GMT in December).
const SATURDAY_NOON = '2026-12-05T12:00:00.000Z';
const MONDAY_OPENING = '2026-12-07T09:00:00.000Z';
// The customer works 15:00–22:00 in Kolkata (09:30Z–16:30Z): their window opens at 09:30Z.
const CUSTOMER_WINDOW_OPENS = '2026-12-07T09:30:00.000Z';
const CUSTOMER_WINDOW_CLOSES = '2026-12-07T16:30:00.000Z';

const payment = { method: 'upi', amount: '499.00', currency: 'INR' };
const api = client();
const getOrder = (orderId: string) =>
  api.GET('/v1/orders/{orderId}', { params: { path: { orderId } } });

async function confirmationsFor(orderId: string): Promise<Delivery[]> {
  const { deliveries } = await deliveryLog();
  const mine = deliveries.filter((d) => d.body['orderId'] === orderId);
  return [...new Map(mine.map((d) => [d.body['messageId'], d])).values()];
}

describe('orders through the gateway', () => {
  it('confirms a weekend order at Monday’s opening and delivers the confirmation inside the customer’s window', async () => {
    await setClock(SATURDAY_NOON);
    const name = uniqueName('Priya');
    const phone = `+9198${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const customer = await api.POST('/v1/customers', {
      body: {
        name,
        phone,
        workingHours: { timeZone: 'Asia/Kolkata', start: '15:00', end: '22:00' },
      },
    });
    expect(customer.response.status).toBe(201);

    const orderId = uniqueName('ord').replace(' ', '-');
    const placed = await api.POST('/incomings', {
      body: { customer: name, orderId, productId: 'SKU-42', payment },
    });
    expect(placed.response.status).toBe(202);
    expect(placed.data).toMatchObject({
      status: 'pending',
      processingAt: MONDAY_OPENING,
      processingAtLocal: '2026-12-07T14:30:00+05:30',
    });
    expect(placed.data?.reply).toContain('on Monday 7 December at 14:30 your time');

    await clearDeliveries();
    await setClock('2026-12-07T08:59:59.000Z');
    expect((await getOrder(orderId)).data?.status).toBe('pending');

    const atOpening = await setClock(MONDAY_OPENING);
    expect(atOpening.ran.incoming['confirmed']).toBeGreaterThanOrEqual(1);
    const confirmed = await getOrder(orderId);
    expect(confirmed.data).toMatchObject({ status: 'confirmed', confirmedAt: MONDAY_OPENING });
    // Confirmed at the business's opening, but held until the customer's window opens.
    expect(await confirmationsFor(orderId)).toEqual([]);

    await setClock(CUSTOMER_WINDOW_OPENS);
    const delivered = await confirmationsFor(orderId);
    expect(delivered).toHaveLength(1);
    const [delivery] = delivered;
    expect(delivery?.body).toMatchObject({
      kind: 'order-confirmation',
      orderId,
      customerId: customer.data?.id,
      to: phone,
      messageId: confirmed.data?.confirmationMessageId,
      text: `Hi ${name}, your order ${orderId} (SKU-42, INR 499.00) is confirmed. Thank you!`,
    });
    const sentAt = String(delivery?.body['sentAt']);
    expect(sentAt >= CUSTOMER_WINDOW_OPENS && sentAt < CUSTOMER_WINDOW_CLOSES).toBe(true);
  });

  it('confirms an order placed while open at once, answers repeats with the first answer and conflicts with 409', async () => {
    await setClock('2026-12-08T10:00:00.000Z'); // Tuesday, open
    const name = uniqueName('Tom');
    const customer = await api.POST('/v1/customers', {
      body: { name, workingHours: { start: '08:00', end: '20:00' } },
    });
    expect(customer.response.status).toBe(201);
    const orderId = uniqueName('ord').replace(' ', '-');
    const body = { customer: name, orderId, productId: 'SKU-1', payment };
    const placed = await api.POST('/v1/orders', { body });
    expect(placed.response.status).toBe(201);
    expect(placed.data).toMatchObject({
      status: 'confirmed',
      confirmedAt: '2026-12-08T10:00:00.000Z',
    });

    const again = await api.POST('/v1/orders', { body });
    expect(again.response.status).toBe(201);
    expect(again.data).toEqual(placed.data);
    const conflict = await api.POST('/v1/orders', { body: { ...body, productId: 'SKU-2' } });
    expect(conflict.response.status).toBe(409);
    expect(conflict.error?.error.code).toBe('ORDER_CONFLICT');

    const unknown = await api.POST('/v1/orders', {
      body: { ...body, orderId: `${orderId}-2`, customer: uniqueName('Nobody') },
    });
    expect(unknown.response.status).toBe(422);
    expect(unknown.error?.error.code).toBe('UNKNOWN_CUSTOMER');

    await setClock('2026-12-08T10:00:00.000Z');
    expect((await confirmationsFor(orderId)).map((d) => d.body['text'])).toEqual([
      placed.data?.reply,
    ]);
  });
});
