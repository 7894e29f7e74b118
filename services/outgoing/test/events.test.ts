import { EventsReceiver, INTERNAL_AUTH_HEADERS } from '@screenmagic/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedules } from './support/calendars.ts';

import { type CreatedCustomer, OutgoingStack } from './support/outgoing-stack.ts';

const MONDAY_10 = '2026-11-30T10:00:00.000Z';
// A rotation in progress: every event is signed with both, each receiver knows one.
const OLD = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const NEW = 'whsec_c2NyZWVubWFnaWMtZXZlbnRzLXJvdGF0ZWQ=';

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('status events (SPEC §7)', () => {
  let receiver: EventsReceiver;
  let stack: OutgoingStack;
  const c: Record<string, CreatedCustomer> = {};

  beforeAll(async () => {
    receiver = await EventsReceiver.start([OLD, NEW]);
    stack = await OutgoingStack.start('events', {
      env: {
        DISPATCHER: 'off',
        EVENTS_WEBHOOK_URL: receiver.url,
        EVENTS_WEBHOOK_SECRETS: `${OLD}, ${NEW}`,
        EVENTS_POLL_INTERVAL_MS: '20',
        EVENTS_RETRY_BASE_MS: '20',
        EVENTS_RETRY_MAX_MS: '200',
      },
    });
    // Three zones: London (open now), New York (later today), Kolkata (open now, closes
    // at 12:30Z), and Tokyo (no overlap at all).
    c['lucy'] = await stack.addCustomer({ name: 'Lucy', workingHours: schedules.london });
    c['ben'] = await stack.addCustomer({ name: 'Ben', workingHours: schedules.newYork });
    c['asha'] = await stack.addCustomer({ name: 'Asha', workingHours: schedules.kolkata });
    c['kenji'] = await stack.addCustomer({ name: 'Kenji', workingHours: schedules.tokyo });
  });
  afterAll(async () => {
    await stack?.close();
    await receiver?.close();
  });

  it('sends every event of a broadcast, in order per message, signed, through a receiver outage', async () => {
    await stack.setClock(MONDAY_10);
    receiver.down = true;
    const response = await stack.broadcast({
      message: 'Across zones',
      customers: ['Lucy', 'Ben', 'Asha', 'Kenji'],
      sendAt: '2026-11-30T12:00:00.000Z',
    });
    expect(response.statusCode).toBe(202);
    const accepted = response.json<{
      broadcastId: string;
      recipients: { name: string; messageId: string }[];
    }>();
    const id = Object.fromEntries(accepted.recipients.map((r) => [r.name, r.messageId]));

    // A late dispatcher (13:00): Lucy's goes, Asha's window closed at 12:30 (rescheduled to
    // Tuesday 09:00Z); Ben's goes at his opening; Asha's on Tuesday.
    await stack.advance('2026-11-30T13:00:00.000Z');
    await stack.advance('2026-11-30T14:00:00.000Z');
    await stack.advance('2026-12-01T09:00:00.000Z');
    await until(() => receiver.refused >= 3, 'the receiver to refuse during its outage');
    receiver.down = false;

    const expected = new Map([
      [id['Lucy'], ['message.scheduled', 'message.delivered']],
      [id['Ben'], ['message.scheduled', 'message.delivered']],
      [id['Asha'], ['message.scheduled', 'message.rescheduled', 'message.delivered']],
      [id['Kenji'], ['message.unreachable']],
    ]);
    const total = [...expected.values()].flat().length;
    await until(
      () =>
        receiver.typesBy('messageId').size === 4 &&
        [...receiver.typesBy('messageId').values()].flat().length === total,
      'every event',
    );
    expect(receiver.rejected).toEqual([]);
    expect(receiver.typesBy('messageId')).toEqual(expected);

    const scheduled = receiver.events.find(
      (e) => e.type === 'message.scheduled' && e.data['messageId'] === id['Ben'],
    );
    expect(scheduled).toMatchObject({
      id: expect.stringMatching(/^evt_/),
      occurredAt: MONDAY_10,
      data: {
        messageId: id['Ben'],
        broadcastId: accepted.broadcastId,
        customerId: c['ben']?.id,
        status: 'scheduled',
        scheduledFor: '2026-11-30T14:00:00.000Z',
        reason: 'OUTSIDE_CUSTOMER_HOURS',
      },
    });
    expect(scheduled?.data).not.toHaveProperty('orderId');
    const unreachable = receiver.events.find((e) => e.type === 'message.unreachable');
    expect(unreachable?.data).toEqual({
      messageId: id['Kenji'],
      broadcastId: accepted.broadcastId,
      customerId: c['kenji']?.id,
      status: 'unreachable',
      reason: 'NO_OVERLAP',
    });
  });

  it('gives a message delivered at once no message.scheduled, and reports late dispatch and cancellation', async () => {
    await stack.setClock(MONDAY_10);
    receiver.events.length = 0;
    const now = await stack.broadcast({ message: 'Now', customers: ['Lucy', 'Ben'] });
    const late = now.json<{ recipients: { name: string; messageId: string }[] }>();
    const id = Object.fromEntries(late.recipients.map((r) => [r.name, r.messageId]));
    await stack.runDue();
    // Ben's 14:00Z opening passes with the dispatcher "down": at 19:00 it is rescheduled.
    await stack.advance('2026-11-30T19:00:00.000Z');
    const other = await stack.broadcast({ message: 'Cancelled', customers: ['Ben'] });
    const cancelled = other.json<{ broadcastId: string; recipients: { messageId: string }[] }>();
    await stack.outgoing.inject({
      method: 'DELETE',
      url: `/v1/broadcasts/${cancelled.broadcastId}`,
    });
    const cancelledId = cancelled.recipients[0]?.messageId ?? '';
    await until(
      () =>
        receiver.typesBy('messageId').get(cancelledId)?.length === 2 &&
        receiver.typesBy('messageId').get(id['Ben'] ?? '')?.length === 2,
      'the events',
    );
    expect(receiver.typesBy('messageId').get(id['Lucy'] ?? '')).toEqual(['message.delivered']);
    expect(receiver.typesBy('messageId').get(id['Ben'] ?? '')).toEqual([
      'message.scheduled',
      'message.rescheduled',
    ]);
    expect(receiver.events.find((e) => e.type === 'message.rescheduled')?.data).toMatchObject({
      reason: 'LATE_DISPATCH',
      scheduledFor: '2026-12-01T14:00:00.000Z',
    });
    expect(receiver.typesBy('messageId').get(cancelledId)).toEqual([
      'message.scheduled',
      'message.cancelled',
    ]);
  });

  it('reports message.suppressed (OPTED_OUT) for an opt-out after acceptance and at acceptance', async () => {
    const zoe = await stack.addCustomer({ name: 'Zoe', workingHours: schedules.london });
    const body = { message: 'Sale', customers: ['Zoe'], sendAt: '2026-12-02T10:00:00.000Z' };
    const first = (await stack.broadcast(body)).json<{ recipients: { messageId: string }[] }>();
    const queuedId = first.recipients[0]?.messageId ?? '';
    await stack.patchCustomer(zoe.id, { consent: { marketing: false } });
    await stack.runDue();
    const second = (await stack.broadcast(body)).json<{ recipients: { messageId: string }[] }>();
    const refusedId = second.recipients[0]?.messageId ?? '';
    await until(
      () =>
        receiver.typesBy('messageId').get(queuedId)?.length === 2 &&
        receiver.typesBy('messageId').get(refusedId)?.length === 1,
      'the suppressed events',
    );
    expect(receiver.typesBy('messageId').get(queuedId)).toEqual([
      'message.scheduled',
      'message.suppressed',
    ]);
    expect(receiver.typesBy('messageId').get(refusedId)).toEqual(['message.suppressed']);
    const suppressed = receiver.events.filter((e) => e.type === 'message.suppressed');
    expect(suppressed.map((e) => e.data['reason'])).toEqual(['OPTED_OUT', 'OPTED_OUT']);
    expect(suppressed.map((e) => e.data['status'])).toEqual(['suppressed', 'suppressed']);
  });

  it('ties the events of a reply (no broadcast, no order) to the inbound message it answers', async () => {
    await stack.setClock(MONDAY_10);
    const created = await stack.outgoing.inject({
      method: 'POST',
      url: '/internal/messages',
      headers: INTERNAL_AUTH_HEADERS,
      payload: {
        kind: 'reply',
        inboundMessageId: 'inb_events_reply_1',
        customerId: c['kenji']?.id,
        text: 'Reply STOP to stop marketing messages.',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const messageId = created.json<{ messageId: string }>().messageId;
    await stack.runDue();
    await until(
      () => receiver.typesBy('messageId').get(messageId)?.includes('message.delivered') === true,
      'the reply delivered',
    );
    const delivered = receiver.events.find(
      (e) => e.type === 'message.delivered' && e.data['messageId'] === messageId,
    );
    expect(delivered?.data).toEqual({
      messageId,
      inboundMessageId: 'inb_events_reply_1',
      customerId: c['kenji']?.id,
      status: 'delivered',
      reason: 'IN_WINDOW',
    });
  });
});
