import { describe, expect, it } from 'vitest';
import {
  api,
  clearDeliveries,
  type Delivery,
  deliveryLog,
  type ErrorEnvelope,
  setClock,
  uniqueName,
} from './support/client.ts';

interface Order {
  orderId: string;
  status: 'pending' | 'confirmed';
  customerId: string;
  processingAt: string;
  processingAtLocal: string;
  confirmedAt: string | null;
  reply: string;
  confirmationMessageId: string | null;
}

// The e2e business calendar: Mon–Fri 09:00–18:00 Europe/London (GMT in December).
const SATURDAY_NOON = '2026-12-05T12:00:00.000Z';
const MONDAY_OPENING = '2026-12-07T09:00:00.000Z';
// The customer works 15:00–22:00 in Kolkata (09:30Z–16:30Z): their window opens at 09:30Z.
const CUSTOMER_WINDOW_OPENS = '2026-12-07T09:30:00.000Z';
const CUSTOMER_WINDOW_CLOSES = '2026-12-07T16:30:00.000Z';

const payment = { method: 'upi', amount: '499.00', currency: 'INR' };

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
    const customer = await api.post<{ id: string }>('/v1/customers', {
      name,
      phone,
      workingHours: { timeZone: 'Asia/Kolkata', start: '15:00', end: '22:00' },
    });
    expect(customer.status).toBe(201);

    const orderId = uniqueName('ord').replace(' ', '-');
    const placed = await api.post<Order>('/incomings', {
      customer: name,
      orderId,
      productId: 'SKU-42',
      payment,
    });
    expect(placed.status).toBe(202);
    expect(placed.body).toMatchObject({
      status: 'pending',
      processingAt: MONDAY_OPENING,
      processingAtLocal: '2026-12-07T14:30:00+05:30',
    });
    expect(placed.body.reply).toContain('on Monday 7 December at 14:30 your time');

    await clearDeliveries();
    await setClock('2026-12-07T08:59:59.000Z');
    expect((await api.get<Order>(`/v1/orders/${orderId}`)).body.status).toBe('pending');

    const atOpening = await setClock(MONDAY_OPENING);
    expect(atOpening.ran.incoming['confirmed']).toBeGreaterThanOrEqual(1);
    const confirmed = await api.get<Order>(`/v1/orders/${orderId}`);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', confirmedAt: MONDAY_OPENING });
    // Confirmed at the business's opening, but held until the customer's window opens.
    expect(await confirmationsFor(orderId)).toEqual([]);

    await setClock(CUSTOMER_WINDOW_OPENS);
    const delivered = await confirmationsFor(orderId);
    expect(delivered).toHaveLength(1);
    const [delivery] = delivered;
    expect(delivery?.body).toMatchObject({
      kind: 'order-confirmation',
      orderId,
      customerId: customer.body.id,
      to: phone,
      messageId: confirmed.body.confirmationMessageId,
      text: `Hi ${name}, your order ${orderId} (SKU-42, INR 499.00) is confirmed. Thank you!`,
    });
    const sentAt = String(delivery?.body['sentAt']);
    expect(sentAt >= CUSTOMER_WINDOW_OPENS && sentAt < CUSTOMER_WINDOW_CLOSES).toBe(true);
  });

  it('confirms an order placed while open at once, answers repeats with the first answer and conflicts with 409', async () => {
    await setClock('2026-12-08T10:00:00.000Z'); // Tuesday, open
    const name = uniqueName('Tom');
    expect(
      (await api.post('/v1/customers', { name, workingHours: { start: '08:00', end: '20:00' } }))
        .status,
    ).toBe(201);
    const orderId = uniqueName('ord').replace(' ', '-');
    const body = { customer: name, orderId, productId: 'SKU-1', payment };
    const placed = await api.post<Order>('/v1/orders', body);
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({
      status: 'confirmed',
      confirmedAt: '2026-12-08T10:00:00.000Z',
    });

    const again = await api.post<Order>('/v1/orders', body);
    expect(again.status).toBe(201);
    expect(again.text).toBe(placed.text);
    const conflict = await api.post<ErrorEnvelope>('/v1/orders', { ...body, productId: 'SKU-2' });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('ORDER_CONFLICT');

    const unknown = await api.post<ErrorEnvelope>('/v1/orders', {
      ...body,
      orderId: `${orderId}-2`,
      customer: uniqueName('Nobody'),
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('UNKNOWN_CUSTOMER');

    await setClock('2026-12-08T10:00:00.000Z');
    expect((await confirmationsFor(orderId)).map((d) => d.body['text'])).toEqual([
      placed.body.reply,
    ]);
  });
});
