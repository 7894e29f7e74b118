import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BroadcastAccepted } from '../src/schemas/broadcast.ts';
import type { Recipient } from '../src/schemas/message.ts';
import { schedules } from './support/calendars.ts';
import { type CreatedCustomer, OutgoingStack } from './support/outgoing-stack.ts';

interface ErrorBody {
  error: { code: string; message: string; details: { field: string }[]; [extra: string]: unknown };
  requestId: string;
}

// Monday 30 November 2026, 10:00 London (UTC+0): the business is open.
const MONDAY_10 = '2026-11-30T10:00:00.000Z';

describe('broadcasts', () => {
  let stack: OutgoingStack;
  const c: Record<string, CreatedCustomer> = {};

  beforeAll(async () => {
    // Two recipients a page, so four customers show the cursor at work.
    stack = await OutgoingStack.start('brd', {
      env: { DISPATCHER: 'off', RECIPIENTS_PAGE_SIZE: '2' },
    });
    c['asha'] = await stack.addCustomer({
      name: 'Asha',
      workingHours: schedules.kolkata,
      phone: '+911234567890',
    });
    c['ben'] = await stack.addCustomer({ name: 'Ben', workingHours: schedules.newYork });
    c['kenji'] = await stack.addCustomer({ name: 'Kenji', workingHours: schedules.tokyo });
    c['lucy'] = await stack.addCustomer({ name: 'Lucy', workingHours: schedules.london });
  });
  afterAll(() => stack?.close());

  /** Every recipient of a broadcast, all pages. */
  async function allRecipients(broadcastId: string): Promise<Record<string, Recipient>> {
    const items: Recipient[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Recipient[]; nextCursor: string | null } = await stack.get(
        `/v1/broadcasts/${broadcastId}/recipients${cursor ? `?cursor=${cursor}` : ''}`,
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return Object.fromEntries(items.map((r) => [r.name, r]));
  }

  const stored = async () =>
    Number((await stack.query<{ n: number }>('SELECT COUNT(*) AS n FROM message'))[0]?.n);

  describe('decisions per recipient', () => {
    it('decides every recipient at once: sending now, later today in another zone, unreachable', async () => {
      await stack.setClock(MONDAY_10);
      const response = await stack.broadcast({
        message: 'Sale today',
        customers: ['Asha', 'ben', 'Kenji', 'Lucy'],
      });
      expect(response.statusCode).toBe(202);
      const body = response.json<BroadcastAccepted>();
      expect(body.summary).toEqual({ sendingNow: 2, scheduled: 1, unreachable: 1, suppressed: 0 });
      expect(body.recipients).toHaveLength(2);
      expect(body.nextCursor).toEqual(expect.any(String));
      const r = await allRecipients(body.broadcastId);
      expect(r['Asha']).toMatchObject({
        customerId: c['asha']?.id,
        status: 'sending',
        scheduledFor: MONDAY_10,
        scheduledForLocal: '2026-11-30T15:30:00+05:30',
      });
      expect(r['Ben']).toMatchObject({
        status: 'scheduled',
        scheduledFor: '2026-11-30T14:00:00.000Z',
        scheduledForLocal: '2026-11-30T09:00:00-05:00',
      });
      expect(r['Kenji']).toMatchObject({
        status: 'unreachable',
        scheduledFor: null,
        scheduledForLocal: null,
      });
      expect(r['Lucy']).toMatchObject({ status: 'sending', scheduledFor: MONDAY_10 });
      expect(r['Lucy']?.messageId).toMatch(/^msg_/);
    });

    it('schedules a future sendAt inside the window for sendAt itself', async () => {
      await stack.setClock(MONDAY_10);
      const sendAt = '2026-12-01T10:00:00.000Z';
      const response = await stack.broadcast({
        message: 'Tomorrow',
        customers: ['Asha', 'Lucy'],
        sendAt,
      });
      const body = response.json<BroadcastAccepted>();
      expect(body.summary).toEqual({ sendingNow: 0, scheduled: 2, unreachable: 0, suppressed: 0 });
      expect(body.recipients.map((r) => [r.status, r.scheduledFor])).toEqual([
        ['scheduled', sendAt],
        ['scheduled', sendAt],
      ]);
    });

    it.each([
      [
        'the next day, after the customer closed',
        '2026-11-30T13:00:00.000Z',
        '2026-12-01T09:00:00.000Z',
      ],
      [
        'next Monday, from a Friday evening',
        '2026-12-04T13:00:00.000Z',
        '2026-12-07T09:00:00.000Z',
      ],
      [
        'after the holidays, from Christmas Eve',
        '2026-12-24T13:00:00.000Z',
        '2026-12-29T09:00:00.000Z',
      ],
    ])('queues a message sent outside the window for %s', async (_label, sendAt, expected) => {
      await stack.setClock(MONDAY_10);
      const body = (
        await stack.broadcast({ message: 'Later', customers: ['Asha'], sendAt })
      ).json<BroadcastAccepted>();
      expect(body.recipients[0]).toMatchObject({ status: 'scheduled', scheduledFor: expected });
    });

    it('answers 409 BUSINESS_CLOSED with the next opening for a closed day, and stores nothing', async () => {
      await stack.setClock(MONDAY_10);
      const before = await stored();
      const response = await stack.broadcast({
        message: 'Weekend',
        sendAt: '2026-12-05T10:00:00.000Z',
      });
      expect(response.statusCode).toBe(409);
      expect(response.json<ErrorBody>().error).toMatchObject({
        code: 'BUSINESS_CLOSED',
        message: expect.stringContaining('Saturday 5 December 2026 in Europe/London'),
        nextOpening: '2026-12-07T09:00:00.000Z',
      });
      expect(await stored()).toBe(before);
    });

    it('rejects a broadcast sent now on a holiday (onClosedDay defaults to reject)', async () => {
      await stack.setClock('2026-12-25T11:00:00.000Z');
      const response = await stack.broadcast({ message: 'Merry Christmas' });
      expect(response.statusCode).toBe(409);
      expect(response.json<ErrorBody>().error['nextOpening']).toBe('2026-12-29T09:00:00.000Z');
    });

    it('queues a closed-day broadcast for the next opening with onClosedDay "queue"', async () => {
      await stack.setClock(MONDAY_10);
      const response = await stack.broadcast({
        message: 'Weekend',
        customers: ['Lucy', 'Asha'],
        sendAt: '2026-12-05T10:00:00.000Z',
        onClosedDay: 'queue',
      });
      expect(response.statusCode).toBe(202);
      const body = response.json<BroadcastAccepted>();
      expect(body.summary).toEqual({ sendingNow: 0, scheduled: 2, unreachable: 0, suppressed: 0 });
      expect(body.recipients.map((r) => r.scheduledFor)).toEqual([
        '2026-12-07T09:00:00.000Z',
        '2026-12-07T09:00:00.000Z',
      ]);
    });

    it('sends to every customer when no list is given', async () => {
      await stack.setClock(MONDAY_10);
      const body = (await stack.broadcast({ message: 'Everyone' })).json<BroadcastAccepted>();
      expect(body.summary).toEqual({ sendingNow: 2, scheduled: 1, unreachable: 1, suppressed: 0 });
      expect(Object.keys(await allRecipients(body.broadcastId)).sort()).toEqual([
        'Asha',
        'Ben',
        'Kenji',
        'Lucy',
      ]);
    });

    it('addresses customers by id, each once however often listed', async () => {
      await stack.setClock(MONDAY_10);
      const ids = [c['ben']?.id, c['asha']?.id, c['ben']?.id];
      const body = (
        await stack.broadcast({ message: 'By id', customerIds: ids })
      ).json<BroadcastAccepted>();
      expect(body.summary).toEqual({ sendingNow: 1, scheduled: 1, unreachable: 0, suppressed: 0 });
    });
  });

  describe('refusals', () => {
    it('answers 422 UNKNOWN_CUSTOMER naming the unknown names, and stores nothing', async () => {
      await stack.setClock(MONDAY_10);
      const before = await stored();
      const response = await stack.broadcast({
        message: 'Hi',
        customers: ['Asha', 'Nobody', 'Ghost'],
      });
      expect(response.statusCode).toBe(422);
      const { error } = response.json<ErrorBody>();
      expect(error.code).toBe('UNKNOWN_CUSTOMER');
      expect(error.message).toContain('"Nobody"');
      expect(error['unknownCustomers']).toEqual(['Nobody', 'Ghost']);
      expect(error.details.map((d) => d.field)).toEqual(['customers', 'customers']);
      expect(await stored()).toBe(before);
    });

    it('answers 422 for unknown customer ids', async () => {
      const response = await stack.broadcast({ message: 'Hi', customerIds: ['cus_nope'] });
      expect(response.statusCode).toBe(422);
      expect(response.json<ErrorBody>().error['unknownCustomerIds']).toEqual(['cus_nope']);
    });

    it.each([
      ['a missing message', { customers: ['Asha'] }, 'message'],
      ['a blank message', { message: '   ' }, 'message'],
      ['an unknown property', { message: 'x', colour: 'red' }, 'colour'],
      ['a number for the message', { message: 10 }, 'message'],
      ['an empty customer list', { message: 'x', customers: [] }, 'customers'],
      [
        'both customer lists',
        { message: 'x', customers: ['Asha'], customerIds: ['cus_1'] },
        'customerIds',
      ],
      ['a sendAt that is not an instant', { message: 'x', sendAt: 'tomorrow' }, 'sendAt'],
      ['an unknown onClosedDay', { message: 'x', onClosedDay: 'later' }, 'onClosedDay'],
      [
        'an expiresAt before sendAt',
        { message: 'x', expiresAt: '2026-11-30T09:00:00.000Z' },
        'expiresAt',
      ],
    ])('answers 400 VALIDATION_FAILED for %s, naming the field', async (_label, body, field) => {
      await stack.setClock(MONDAY_10);
      const before = await stored();
      const response = await stack.broadcast(body);
      expect(response.statusCode).toBe(400);
      const { error } = response.json<ErrorBody>();
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.map((d) => d.field)).toContain(field);
      expect(await stored()).toBe(before);
    });

    it('answers 503 and stores nothing when the customer service is down', async () => {
      await stack.setClock(MONDAY_10);
      const before = await stored();
      stack.customerProxy.down();
      try {
        const response = await stack.broadcast({ message: 'Hi' });
        expect(response.statusCode).toBe(503);
        expect(response.headers['retry-after']).toBeDefined();
        expect(response.json<ErrorBody>().error.code).toBe('DEPENDENCY_UNAVAILABLE');
      } finally {
        stack.customerProxy.up();
      }
      expect(await stored()).toBe(before);
    });
  });

  describe('reading and cancelling', () => {
    it('shows a broadcast with a count for every status, and each message', async () => {
      await stack.setClock(MONDAY_10);
      const accepted = (await stack.broadcast({ message: 'Counted' })).json<BroadcastAccepted>();
      const broadcast = await stack.get(`/v1/broadcasts/${accepted.broadcastId}`);
      expect(broadcast).toMatchObject({
        broadcastId: accepted.broadcastId,
        message: 'Counted',
        status: 'active',
        sendAt: MONDAY_10,
        summary: { sendingNow: 2, scheduled: 1, unreachable: 1, suppressed: 0 },
        counts: {
          scheduled: 1,
          sending: 2,
          delivered: 0,
          failed: 0,
          cancelled: 0,
          expired: 0,
          unreachable: 1,
        },
      });
      const asha = (await allRecipients(accepted.broadcastId))['Asha'];
      const message = await stack.get(`/v1/messages/${asha?.messageId}`);
      expect(message).toMatchObject({
        messageId: asha?.messageId,
        kind: 'broadcast',
        broadcastId: accepted.broadcastId,
        orderId: null,
        customerId: c['asha']?.id,
        text: 'Counted',
        status: 'sending',
        attempts: 0,
        createdAt: MONDAY_10,
        scheduledFor: MONDAY_10,
        scheduledForLocal: '2026-11-30T15:30:00+05:30',
        lastAttemptAt: null,
        deliveredAt: null,
      });
    });

    it('filters recipients by status and pages them with a cursor', async () => {
      await stack.setClock(MONDAY_10);
      const accepted = (await stack.broadcast({ message: 'Paged' })).json<BroadcastAccepted>();
      const unreachable = await stack.get<{ items: Recipient[]; nextCursor: string | null }>(
        `/v1/broadcasts/${accepted.broadcastId}/recipients?status=unreachable`,
      );
      expect(unreachable.items.map((r) => r.name)).toEqual(['Kenji']);
      expect(unreachable.nextCursor).toBeNull();
      const first = await stack.get<{ items: Recipient[]; nextCursor: string }>(
        `/v1/broadcasts/${accepted.broadcastId}/recipients?limit=3`,
      );
      const rest = await stack.get<{ items: Recipient[]; nextCursor: string | null }>(
        `/v1/broadcasts/${accepted.broadcastId}/recipients?limit=3&cursor=${first.nextCursor}`,
      );
      expect(first.items).toHaveLength(3);
      expect(rest.items).toHaveLength(1);
      expect(rest.nextCursor).toBeNull();
      expect(new Set([...first.items, ...rest.items].map((r) => r.name)).size).toBe(4);
      // The 202's first page is the list's first page.
      expect(accepted.recipients.map((r) => r.messageId)).toEqual(
        first.items.slice(0, 2).map((r) => r.messageId),
      );
    });

    it('answers 404 in the envelope for unknown broadcasts and messages', async () => {
      for (const url of [
        '/v1/broadcasts/brd_nope',
        '/v1/broadcasts/brd_nope/recipients',
        '/v1/messages/msg_nope',
      ]) {
        const response = await stack.outgoing.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(404);
        const body = response.json<ErrorBody>();
        expect(body.error.code).toBe('NOT_FOUND');
        expect(body.requestId).toEqual(response.headers['x-request-id']);
      }
      const cancel = await stack.outgoing.inject({
        method: 'DELETE',
        url: '/v1/broadcasts/brd_nope',
      });
      expect(cancel.statusCode).toBe(404);
    });

    it('answers 400 for a cursor it did not issue', async () => {
      const accepted = (
        await stack.broadcast({ message: 'x', customers: ['Lucy'] })
      ).json<BroadcastAccepted>();
      const response = await stack.outgoing.inject({
        method: 'GET',
        url: `/v1/broadcasts/${accepted.broadcastId}/recipients?cursor=garbage`,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorBody>().error.details[0]?.field).toBe('cursor');
    });

    it("answers 400 for another list's cursor and another broadcast's recipients cursor", async () => {
      await stack.setClock(MONDAY_10);
      const many = (await stack.broadcast({ message: 'Many' })).json<BroadcastAccepted>();
      const one = (
        await stack.broadcast({ message: 'One', customers: ['Lucy'] })
      ).json<BroadcastAccepted>();
      const ofMany = await stack.get<{ nextCursor: string }>(
        `/v1/broadcasts/${many.broadcastId}/recipients?limit=1`,
      );
      const broadcastsPage = await stack.get<{ nextCursor: string }>('/v1/broadcasts?limit=1');
      const customersCursor = Buffer.from(
        JSON.stringify({ list: 'customers', id: 'cus_01KBX0000000000000000000' }),
      ).toString('base64url');
      for (const url of [
        `/v1/broadcasts/${one.broadcastId}/recipients?cursor=${ofMany.nextCursor}`,
        `/v1/broadcasts/${many.broadcastId}/recipients?cursor=${broadcastsPage.nextCursor}`,
        `/v1/broadcasts/${many.broadcastId}/recipients?cursor=${customersCursor}`,
        `/v1/broadcasts?cursor=${ofMany.nextCursor}`,
        `/v1/broadcasts?cursor=${customersCursor}`,
        `/v1/messages?cursor=${broadcastsPage.nextCursor}`,
        '/v1/broadcasts?cursor=eyJpZCI6MTIzfQ',
      ]) {
        const response = await stack.outgoing.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(400);
        expect(response.json<ErrorBody>().error.details[0]?.field).toBe('cursor');
      }
      // The cursor of the list it came from still reads.
      const next = await stack.outgoing.inject({
        method: 'GET',
        url: `/v1/broadcasts/${many.broadcastId}/recipients?limit=1&cursor=${ofMany.nextCursor}`,
      });
      expect(next.statusCode).toBe(200);
    });

    it('cancels what is not yet sent; nothing of it is delivered afterwards', async () => {
      await stack.setClock(MONDAY_10);
      const accepted = (await stack.broadcast({ message: 'Oops' })).json<BroadcastAccepted>();
      const response = await stack.outgoing.inject({
        method: 'DELETE',
        url: `/v1/broadcasts/${accepted.broadcastId}`,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        status: 'cancelled',
        cancelledNow: 3,
        counts: { scheduled: 0, sending: 0, cancelled: 3, unreachable: 1, delivered: 0 },
      });
      stack.channel.clear();
      await stack.advance('2026-11-30T15:00:00.000Z');
      expect(
        stack.channel.deliveries.filter(
          (d) => 'broadcastId' in d && d.broadcastId === accepted.broadcastId,
        ),
      ).toEqual([]);
      const again = await stack.outgoing.inject({
        method: 'DELETE',
        url: `/v1/broadcasts/${accepted.broadcastId}`,
      });
      expect(again.json()).toMatchObject({ status: 'cancelled', cancelledNow: 0 });
    });
  });

  describe('Idempotency-Key', () => {
    const countBroadcasts = async () =>
      Number((await stack.query<{ n: number }>('SELECT COUNT(*) AS n FROM broadcast'))[0]?.n);

    it('answers the same key and body with the first answer and creates nothing', async () => {
      await stack.setClock(MONDAY_10);
      const headers = { 'idempotency-key': 'key-same-body' };
      const first = await stack.broadcast({ message: 'Once', customers: ['Asha', 'Ben'] }, headers);
      const before = await countBroadcasts();
      await stack.setClock('2026-11-30T11:00:00.000Z');
      // The same body with its keys in another order is the same request.
      const second = await stack.broadcast(
        { customers: ['Asha', 'Ben'], message: 'Once' },
        headers,
      );
      expect(second.statusCode).toBe(202);
      expect(second.json()).toEqual(first.json());
      expect(await countBroadcasts()).toBe(before);
    });

    it('answers 409 IDEMPOTENCY_KEY_REUSED for the same key with another body', async () => {
      const headers = { 'idempotency-key': 'key-other-body' };
      expect(
        (await stack.broadcast({ message: 'One', customers: ['Asha'] }, headers)).statusCode,
      ).toBe(202);
      const response = await stack.broadcast({ message: 'Two', customers: ['Asha'] }, headers);
      expect(response.statusCode).toBe(409);
      expect(response.json<ErrorBody>().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('creates one broadcast when identical requests race', async () => {
      await stack.setClock(MONDAY_10);
      const before = await countBroadcasts();
      const headers = { 'idempotency-key': 'key-race' };
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => stack.broadcast({ message: 'Race' }, headers)),
      );
      expect(responses.map((r) => r.statusCode)).toEqual(Array(6).fill(202));
      expect(new Set(responses.map((r) => r.json<BroadcastAccepted>().broadcastId)).size).toBe(1);
      expect(await countBroadcasts()).toBe(before + 1);
    });

    it('does not remember a refused request: the same key may be retried', async () => {
      await stack.setClock('2026-12-05T10:00:00.000Z'); // Saturday
      const headers = { 'idempotency-key': 'key-after-refusal' };
      expect(
        (await stack.broadcast({ message: 'Retry me', customers: ['Lucy'] }, headers)).statusCode,
      ).toBe(409);
      await stack.setClock(MONDAY_10);
      expect(
        (await stack.broadcast({ message: 'Retry me', customers: ['Lucy'] }, headers)).statusCode,
      ).toBe(202);
    });

    it('answers 400 for a malformed key', async () => {
      const response = await stack.broadcast(
        { message: 'x' },
        { 'idempotency-key': 'has spaces in it' },
      );
      expect(response.statusCode).toBe(400);
    });
  });

  describe('a broadcast to everyone reads the customer replica, caught up at acceptance', () => {
    it('includes a customer created just before, leaves out one deleted, sees a consent withdrawn', async () => {
      const gone = await stack.addCustomer({ name: 'Gone', workingHours: schedules.london });
      await stack.setClock(MONDAY_10);
      const first = (await stack.broadcast({ message: 'Before' })).json<BroadcastAccepted>();
      expect(Object.keys(await allRecipients(first.broadcastId))).toContain('Gone');

      // Nothing polls the replica here (DISPATCHER=off) and the clock is not set again:
      // only the catch-up at acceptance can bring these changes in.
      await stack.addCustomer({ name: 'Zoe', workingHours: schedules.london });
      await stack.deleteCustomer(gone.id);
      await stack.patchCustomer(c['lucy']?.id ?? '', { consent: { marketing: false } });
      const response = await stack.broadcast({ message: 'After' });
      expect(response.statusCode).toBe(202);
      const body = response.json<BroadcastAccepted>();
      expect(body.recipientCount).toBe(5);
      expect(body.summary).toEqual({ sendingNow: 2, scheduled: 1, unreachable: 1, suppressed: 1 });
      const r = await allRecipients(body.broadcastId);
      expect(Object.keys(r).sort()).toEqual(['Asha', 'Ben', 'Kenji', 'Lucy', 'Zoe']);
      expect(r['Zoe']).toMatchObject({ status: 'sending', scheduledFor: MONDAY_10 });
      expect(r['Lucy']?.status).toBe('suppressed');
      // Its reason and first history entry, as the row-by-row path writes them.
      const [lucy] = await stack.query<{ status_reason: string; event: string; reason: string }>(
        `SELECT m.status_reason, e.event, e.reason FROM message m
         JOIN message_event e ON e.message_id = m.id WHERE m.broadcast_id = ? AND m.customer_id = ?`,
        [body.broadcastId, c['lucy']?.id],
      );
      expect(lucy).toEqual({
        status_reason: 'OPTED_OUT',
        event: 'suppressed',
        reason: 'OPTED_OUT',
      });

      // The preview catches up the same way.
      await stack.addCustomer({ name: 'Yan', workingHours: schedules.tokyo });
      const preview = await stack.outgoing.inject({
        method: 'POST',
        url: '/v1/broadcasts/preview',
        payload: { message: 'After' },
      });
      expect(preview.json<{ recipientCount: number }>().recipientCount).toBe(6);
    });
  });
});
