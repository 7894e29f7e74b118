import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedules } from './support/calendars.ts';
import { type CreatedCustomer, OutgoingStack } from './support/outgoing-stack.ts';

const MONDAY_10 = '2026-11-30T10:00:00.000Z';
type Page<T> = { items: T[]; nextCursor: string | null };
type Summary = { messageId: string; status: string; customerId: string; broadcastId: string };

describe('lists and message operations (SPEC §7)', () => {
  let stack: OutgoingStack;
  const c: Record<string, CreatedCustomer> = {};

  beforeAll(async () => {
    stack = await OutgoingStack.start('ops', {
      env: { DISPATCHER: 'off', DISPATCH_MAX_ATTEMPTS: '1' },
    });
    c['lucy'] = await stack.addCustomer({ name: 'Lucy', workingHours: schedules.london });
    c['ben'] = await stack.addCustomer({ name: 'Ben', workingHours: schedules.newYork });
  });
  afterAll(() => stack?.close());

  async function send(body: object): Promise<Record<string, string>> {
    const response = await stack.broadcast(body);
    expect(response.statusCode).toBe(202);
    const accepted = response.json<{
      broadcastId: string;
      recipients: { name: string; messageId: string }[];
    }>();
    return {
      broadcastId: accepted.broadcastId,
      ...Object.fromEntries(accepted.recipients.map((r) => [r.name, r.messageId])),
    };
  }
  const inject = (method: 'POST' | 'DELETE', url: string) => stack.outgoing.inject({ method, url });

  it('lists broadcasts newest first, page by page, with counts', async () => {
    await stack.setClock(MONDAY_10);
    const first = await send({ message: 'One', customers: ['Lucy'] });
    const second = await send({ message: 'Two', customers: ['Lucy', 'Ben'] });
    const page =
      await stack.get<Page<{ broadcastId: string; counts: Record<string, number> }>>(
        '/v1/broadcasts?limit=1',
      );
    expect(page.items.map((b) => b.broadcastId)).toEqual([second['broadcastId']]);
    expect(page.items[0]?.counts).toMatchObject({ sending: 1, scheduled: 1 });
    const next = await stack.get<Page<{ broadcastId: string }>>(
      `/v1/broadcasts?limit=1&cursor=${encodeURIComponent(page.nextCursor ?? '')}`,
    );
    expect(next.items.map((b) => b.broadcastId)).toEqual([first['broadcastId']]);
  });

  it('lists messages by customer, by broadcast and by status', async () => {
    await stack.setClock(MONDAY_10);
    const ids = await send({ message: 'Filtered', customers: ['Lucy', 'Ben'] });
    const byBroadcast = await stack.get<Page<Summary>>(
      `/v1/messages?broadcastId=${ids['broadcastId']}`,
    );
    expect(byBroadcast.items.map((m) => m.messageId).sort()).toEqual(
      [ids['Lucy'], ids['Ben']].sort(),
    );
    const bens = await stack.get<Page<Summary>>(`/v1/messages?customerId=${c['ben']?.id}`);
    expect(bens.items.length).toBeGreaterThanOrEqual(1);
    expect(bens.items.every((m) => m.customerId === c['ben']?.id)).toBe(true);
    expect(bens.items[0]?.messageId).toBe(ids['Ben']); // newest first
    const scheduled = await stack.get<Page<Summary>>(
      `/v1/messages?status=scheduled&broadcastId=${ids['broadcastId']}`,
    );
    expect(scheduled.items.map((m) => m.messageId)).toEqual([ids['Ben']]);
    expect((await stack.outgoing.inject({ url: '/v1/messages?status=lost' })).statusCode).toBe(400);
  });

  it('cancels one unsent message, and refuses one already sent', async () => {
    await stack.setClock(MONDAY_10);
    const ids = await send({ message: 'Cancel one', customers: ['Lucy', 'Ben'] });
    const cancelled = await inject('DELETE', `/v1/messages/${ids['Ben']}`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', statusReason: 'CANCELLED' });
    expect(
      cancelled.json<{ history: { event: string; detail?: string }[] }>().history.at(-1),
    ).toMatchObject({ event: 'cancelled', detail: 'cancelled on request' });
    await stack.runDue();
    const again = await inject('DELETE', `/v1/messages/${ids['Lucy']}`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'MESSAGE_ALREADY_FINAL' } });
    expect((await inject('DELETE', '/v1/messages/msg_nope')).statusCode).toBe(404);
  });

  it('retries a failed message (planned again, delivered) and refuses one that is not failed', async () => {
    await stack.setClock(MONDAY_10);
    stack.channel.failNext(1);
    const ids = await send({ message: 'Retry me', customers: ['Lucy', 'Ben'] });
    await stack.runDue();
    expect(await stack.get(`/v1/messages/${ids['Lucy']}`)).toMatchObject({ status: 'failed' });
    const notFailed = await inject('POST', `/v1/messages/${ids['Ben']}/retry`);
    expect(notFailed.statusCode).toBe(409);
    expect(notFailed.json()).toMatchObject({ error: { code: 'MESSAGE_NOT_FAILED' } });

    await stack.setClock('2026-11-30T11:00:00.000Z');
    const retried = await inject('POST', `/v1/messages/${ids['Lucy']}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'sending', attempts: 0 });
    await stack.runDue();
    const lucy = await stack.get<{
      status: string;
      history: { event: string; reason: string; detail?: string }[];
    }>(`/v1/messages/${ids['Lucy']}`);
    expect(lucy.status).toBe('delivered');
    expect(lucy.history.map((e) => `${e.event}:${e.reason}`)).toEqual([
      'scheduled:IN_WINDOW',
      'failed:DELIVERY_FAILED',
      'rescheduled:IN_WINDOW',
      'delivered:IN_WINDOW',
    ]);
    expect(lucy.history[2]?.detail).toBe('retried on request');
  });
});
