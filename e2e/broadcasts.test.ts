import { describe, expect, it } from 'vitest';
import {
  call,
  clearDeliveries,
  client,
  type Customer,
  deliveryLog,
  failNextDeliveries,
  type NewBroadcast,
  type ScheduleInput,
  setClock,
  uniqueName,
} from './support/client.ts';

const api = client();

// Monday 30 November 2026, 10:00 London (UTC+0): the business (Mon–Fri 09:00–18:00) is open.
const MONDAY_10 = '2026-11-30T10:00:00.000Z';
const kolkata: ScheduleInput = { timeZone: 'Asia/Kolkata', start: '09:00', end: '18:00' };
const newYork: ScheduleInput = {
  timeZone: 'America/New_York',
  start: '09:00',
  end: '17:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
};
const tokyo: ScheduleInput = { timeZone: 'Asia/Tokyo', start: '09:00', end: '17:00' };
const london: ScheduleInput = { timeZone: 'Europe/London', start: '00:00', end: '24:00' };

async function addCustomer(
  label: string,
  workingHours: ScheduleInput,
  phone?: string,
): Promise<Customer> {
  const name = uniqueName(label);
  const { data, response } = await api.POST('/v1/customers', {
    body: { name, workingHours, ...(phone ? { phone } : {}) },
  });
  expect(response.status).toBe(201);
  return data!;
}

/** Sends a broadcast; fails the test unless it is accepted. */
async function broadcast(body: NewBroadcast) {
  const { data, response } = await api.POST('/v1/broadcasts', { body });
  expect(response.status).toBe(202);
  return data!;
}

const deliveriesOf = async (messageId: string | undefined) =>
  (await deliveryLog()).deliveries.filter((d) => d.body['messageId'] === messageId);

describe('broadcasts, end to end', () => {
  it('reaches each customer inside their own window: at once, later today, never', async () => {
    await setClock(MONDAY_10);
    await clearDeliveries();
    const asha = await addCustomer('Asha', kolkata, '+911234567890');
    const ben = await addCustomer('Ben', newYork);
    const kenji = await addCustomer('Kenji', tokyo);

    const { data: accepted, response } = await api.POST('/outgoings', {
      body: { message: 'Winter sale starts now', customers: [asha.name, ben.name, kenji.name] },
    });
    expect(response.status).toBe(202);
    expect(accepted?.summary).toEqual({
      sendingNow: 1,
      scheduled: 1,
      unreachable: 1,
      suppressed: 0,
    });
    const byId = new Map(accepted?.recipients.map((r) => [r.customerId, r]));
    expect(byId.get(asha.id)).toMatchObject({
      status: 'sending',
      scheduledFor: MONDAY_10,
      scheduledForLocal: '2026-11-30T15:30:00+05:30',
    });
    expect(byId.get(ben.id)).toMatchObject({
      status: 'scheduled',
      scheduledFor: '2026-11-30T14:00:00.000Z',
      scheduledForLocal: '2026-11-30T09:00:00-05:00',
    });
    expect(byId.get(kenji.id)).toMatchObject({ status: 'unreachable', scheduledFor: null });

    // Due now: the dispatcher is woken and delivers without a clock move.
    const ashaMessage = byId.get(asha.id)?.messageId;
    await expect
      .poll(async () => (await deliveriesOf(ashaMessage)).length, { timeout: 5_000 })
      .toBe(1);
    const [delivery] = await deliveriesOf(ashaMessage);
    expect(delivery?.body).toEqual({
      messageId: ashaMessage,
      broadcastId: accepted?.broadcastId,
      customerId: asha.id,
      to: '+911234567890',
      text: 'Winter sale starts now',
      kind: 'broadcast',
      sentAt: MONDAY_10,
    });
    expect(await deliveriesOf(byId.get(ben.id)?.messageId)).toEqual([]);

    // 14:00Z is 09:00 in New York. What ran at 14:00 is Ben's message alone (whether the
    // background dispatcher or the clock's run-due sent it): Asha's, sent at 10:00, is not.
    const at14 = await setClock('2026-11-30T14:00:00.000Z');
    expect(at14.ran.outgoing).toMatchObject({ delivered: 1, rescheduled: 0 });
    const [benDelivery] = await deliveriesOf(byId.get(ben.id)?.messageId);
    expect(benDelivery?.body).toMatchObject({ to: ben.name, sentAt: '2026-11-30T14:00:00.000Z' });
    expect((await deliveryLog()).rejected).toEqual([]);

    const read = await api.GET('/v1/broadcasts/{id}', {
      params: { path: { id: accepted!.broadcastId } },
    });
    expect(read.data?.counts).toEqual({
      scheduled: 0,
      sending: 0,
      delivered: 2,
      failed: 0,
      cancelled: 0,
      expired: 0,
      unreachable: 1,
      suppressed: 0,
    });
    const message = await api.GET('/v1/messages/{id}', {
      params: { path: { id: ashaMessage! } },
    });
    expect(message.data).toMatchObject({
      status: 'delivered',
      attempts: 1,
      deliveredAt: MONDAY_10,
    });
  });

  it('answers 409 BUSINESS_CLOSED with the next opening for a weekend sendAt', async () => {
    await setClock(MONDAY_10);
    const { error, response } = await api.POST('/v1/broadcasts', {
      body: {
        message: 'Weekend',
        customers: [(await addCustomer('Sat', london)).name],
        sendAt: '2026-12-05T10:00:00.000Z',
      },
    });
    expect(response.status).toBe(409);
    expect(error?.error).toMatchObject({
      code: 'BUSINESS_CLOSED',
      nextOpening: '2026-12-07T09:00:00.000Z',
    });
  });

  it('answers a repeated Idempotency-Key with the first answer', async () => {
    await setClock(MONDAY_10);
    const lucy = await addCustomer('Lucy', london);
    const header = { 'idempotency-key': uniqueName('key').replace(' ', '-') };
    const body = { message: 'Once', customers: [lucy.name], sendAt: '2026-12-01T10:00:00.000Z' };
    const first = await api.POST('/v1/broadcasts', { body, params: { header } });
    const second = await api.POST('/v1/broadcasts', { body, params: { header } });
    expect(first.response.status).toBe(202);
    expect(second.response.status).toBe(202);
    expect(second.data).toEqual(first.data);
    const other = await api.POST('/v1/broadcasts', {
      body: { ...body, message: 'Twice' },
      params: { header },
    });
    expect(other.response.status).toBe(409);
    expect(other.error?.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('cancels what is not yet sent', async () => {
    await setClock(MONDAY_10);
    const lucy = await addCustomer('Lucy', london);
    const accepted = await broadcast({
      message: 'Tomorrow',
      customers: [lucy.name],
      sendAt: '2026-12-01T10:00:00.000Z',
    });
    const cancelled = await api.DELETE('/v1/broadcasts/{id}', {
      params: { path: { id: accepted.broadcastId } },
    });
    expect(cancelled.response.status).toBe(200);
    expect(cancelled.data).toMatchObject({
      status: 'cancelled',
      counts: { cancelled: 1, scheduled: 0 },
    });
    await setClock('2026-12-01T10:00:00.000Z');
    expect(await deliveriesOf(accepted.recipients[0]?.messageId)).toEqual([]);
  });

  it('retries a delivery the receiver refused, with the same messageId', async () => {
    await setClock(MONDAY_10);
    const lucy = await addCustomer('Lucy', london);
    await failNextDeliveries(1, 500);
    const accepted = await broadcast({
      message: 'Retry me',
      customers: [lucy.name],
      sendAt: '2026-11-30T11:00:00.000Z',
    });
    const messageId = accepted.recipients[0]?.messageId;
    await setClock('2026-11-30T11:00:00.000Z');
    expect(
      (await deliveryLog()).failed.filter((d) => d.body['messageId'] === messageId),
    ).toHaveLength(1);
    expect(await deliveriesOf(messageId)).toEqual([]);
    await setClock('2026-11-30T11:00:10.000Z');
    const log = await deliveryLog();
    expect(log.failed.filter((d) => d.body['messageId'] === messageId)).toHaveLength(1);
    expect(log.deliveries.filter((d) => d.body['messageId'] === messageId)).toHaveLength(1);
  });

  it('keeps internal routes away from clients', async () => {
    // Not in the API description, so not in the typed client either.
    const response = await call('POST', '/internal/messages', { body: {} });
    expect(response.status).toBe(404);
  });
});
