import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_AUTH_HEADERS, injectExpecting } from '@screenmagic/service-kit/testing';
import type { OrderView } from './support/replies.ts';
import { KOLKATA_CALENDAR, TestStack } from './support/stack.ts';

const payment = { method: 'upi', amount: '499.00', currency: 'INR' };
// Tuesday 15 December 2026, 18:30 in Kolkata (closed), 22:00 in Tokyo.
const TUESDAY_EVENING = '2026-12-15T13:00:00.000Z';
// Wednesday 16 December: 09:00 IST (the announced opening) and 11:00 IST (an override's).
const WEDNESDAY_9 = '2026-12-16T03:30:00.000Z';
const WEDNESDAY_11 = '2026-12-16T05:30:00.000Z';
const WEDNESDAY_12 = '2026-12-16T06:30:00.000Z';

interface Message {
  id: string;
  kind: string;
  orderId: string | null;
  status: string;
  text: string;
  history: { event: string; reason: string; detail?: string | null }[];
}

/**
 * Corrections of a pending order's processing time (SPEC §4) against the real services:
 * they stay true whenever read, a newer one supersedes a queued one, and none goes out for
 * a time the customer was already told.
 */
describe('order corrections', () => {
  let stack: TestStack;
  let serial = 0;

  beforeAll(async () => {
    stack = await TestStack.start('corrections');
  });
  afterAll(() => stack?.close());

  /** A Tokyo customer (15:00–20:00) with a pending order placed Tuesday 22:00 JST. */
  async function pendingOrder(): Promise<{ orderId: string; customerId: string }> {
    await setCalendar({});
    await stack.setClock(TUESDAY_EVENING);
    const customer = await stack.addCustomer({
      name: `Tok ${++serial}`,
      timeZone: 'Asia/Tokyo',
      workingHours: { start: '15:00', end: '20:00' },
    });
    const orderId = `COR-${serial}`;
    const response = await stack.incoming.inject({
      method: 'POST',
      url: '/v1/orders',
      payload: { customerId: customer.id, orderId, productId: 'SKU-1', payment },
    });
    expect(response.statusCode).toBe(202);
    expect(response.json<OrderView>()).toMatchObject({
      status: 'pending',
      processingAt: WEDNESDAY_9,
    });
    expect(response.json<OrderView>().reply).toContain(
      'tomorrow, Wednesday 16 December at 12:30 your time',
    );
    return { orderId, customerId: customer.id };
  }

  /** Replaces the business calendar's overrides, then lets incoming re-plan. */
  async function setCalendar(overrides: Record<string, { start: string; end: string }[]>) {
    await injectExpecting(stack.customer, 200, {
      method: 'PUT',
      url: '/v1/business-calendar',
      payload: { ...KOLKATA_CALENDAR, overrides },
    });
    await stack.runDue();
  }

  async function corrections(customerId: string): Promise<Message[]> {
    const page = await injectExpecting(stack.outgoing, 200, {
      method: 'GET',
      url: `/v1/messages?customerId=${customerId}`,
    });
    const ids = page
      .json<{ items: { messageId: string; kind: string }[] }>()
      .items.filter((m) => m.kind === 'order-update')
      .map((m) => m.messageId);
    const messages = await Promise.all(ids.map((id) => stack.message(id)));
    return (messages as unknown as Message[]).sort((a, b) => a.id.localeCompare(b.id));
  }

  it('words a correction so it stays true when read, and still sends it after processing (the audit’s Tokyo case)', async () => {
    const { orderId, customerId } = await pendingOrder();
    await setCalendar({ '2026-12-16': [{ start: '11:00', end: '18:00' }] });
    expect((await stack.order(orderId)).processingAt).toBe(WEDNESDAY_11);
    const [correction] = await corrections(customerId);
    expect(correction?.text).toContain(
      'it will now be processed on Wednesday 16 December at 14:30 your time',
    );
    expect(correction?.text).not.toMatch(/tomorrow|today/);

    // Processed at 14:30 JST; the customer's window opens at 15:00. SPEC §4: the customer
    // "gets a correction message … held to their window like any message" — it goes then,
    // its absolute wording still true, beside the confirmation.
    await stack.setClock('2026-12-16T06:00:00.000Z');
    await stack.runDue();
    expect((await stack.order(orderId)).status).toBe('confirmed');
    const [after] = await corrections(customerId);
    expect(after?.status).toBe('delivered');
  });

  it('hands over no correction for an order confirmed before its re-plan was told', async () => {
    const { orderId, customerId } = await pendingOrder();
    // Only incoming reaches the opening: the order is confirmed with no re-plan pending.
    await injectExpecting(stack.incoming, 200, {
      method: 'POST',
      url: '/internal/test/clock',
      headers: INTERNAL_AUTH_HEADERS,
      payload: { now: WEDNESDAY_12 },
    });
    await stack.runDue();
    expect((await stack.order(orderId)).status).toBe('confirmed');
    // A calendar change after processing moves nothing and tells nobody.
    await setCalendar({ '2026-12-16': [{ start: '11:00', end: '18:00' }] });
    expect(await corrections(customerId)).toEqual([]);
  });

  it('supersedes a queued correction when the processing time moves again', async () => {
    const { orderId, customerId } = await pendingOrder();
    await setCalendar({ '2026-12-16': [{ start: '11:00', end: '18:00' }] });
    await setCalendar({ '2026-12-16': [{ start: '12:00', end: '18:00' }] });
    expect((await stack.order(orderId)).processingAt).toBe(WEDNESDAY_12);
    const [first, second, ...rest] = await corrections(customerId);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ status: 'cancelled' });
    expect(first?.history.at(-1)).toMatchObject({ event: 'cancelled', reason: 'CANCELLED' });
    expect(second).toMatchObject({ status: 'scheduled' });
    expect(second?.text).toContain('on Wednesday 16 December at 15:30 your time');
    expect((await stack.order(orderId)).processingAtHistory.map((h) => h.processingAt)).toEqual([
      WEDNESDAY_9,
      WEDNESDAY_11,
      WEDNESDAY_12,
    ]);
  });

  it('sends nothing when the time moves away and back to the one the customer was told', async () => {
    const { orderId, customerId } = await pendingOrder();
    await setCalendar({ '2026-12-16': [{ start: '11:00', end: '18:00' }] });
    await setCalendar({});
    expect((await stack.order(orderId)).processingAt).toBe(WEDNESDAY_9);
    const all = await corrections(customerId);
    expect(all.map((m) => m.status)).toEqual(['cancelled']);
  });
});
