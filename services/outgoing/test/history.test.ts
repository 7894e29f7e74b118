import { injectExpecting } from '@screenmagic/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedules } from './support/calendars.ts';
import { type CreatedCustomer, OutgoingStack } from './support/outgoing-stack.ts';

interface Entry {
  at: string;
  event: string;
  reason: string;
  scheduledFor?: string;
  scheduledForLocal?: string;
  detail?: string;
}
type MessageView = { status: string; statusReason: string | null; history: Entry[] };

const MONDAY_10 = '2026-11-30T10:00:00.000Z';

describe('message history (SPEC §5)', () => {
  let stack: OutgoingStack;
  const c: Record<string, CreatedCustomer> = {};

  beforeAll(async () => {
    stack = await OutgoingStack.start('hist', {
      env: { DISPATCHER: 'off', DISPATCH_MAX_ATTEMPTS: '2' },
    });
    c['lucy'] = await stack.addCustomer({ name: 'Lucy', workingHours: schedules.london });
    c['ben'] = await stack.addCustomer({ name: 'Ben', workingHours: schedules.newYork });
    c['kenji'] = await stack.addCustomer({ name: 'Kenji', workingHours: schedules.tokyo });
  });
  afterAll(() => stack?.close());

  async function send(body: object): Promise<Record<string, string>> {
    const response = await stack.broadcast(body);
    if (response.statusCode !== 202)
      throw new Error(`broadcast: ${response.statusCode} ${response.body}`);
    const accepted = response.json<{
      broadcastId: string;
      recipients: { messageId: string | null; name: string }[];
    }>();
    return {
      broadcastId: accepted.broadcastId,
      ...Object.fromEntries(accepted.recipients.map((r) => [r.name, r.messageId ?? ''])),
    };
  }
  const message = (id: string | undefined) => stack.get<MessageView>(`/v1/messages/${id}`);
  const events = async (id: string | undefined) =>
    (await message(id)).history.map((e) => `${e.event}:${e.reason}`);

  it('records why each recipient was scheduled at acceptance, and the delivery', async () => {
    await stack.setClock(MONDAY_10);
    const ids = await send({ message: 'Hi', customers: ['Lucy', 'Ben', 'Kenji'] });
    expect((await message(ids['Lucy'])).history).toEqual([
      {
        at: MONDAY_10,
        event: 'scheduled',
        reason: 'IN_WINDOW',
        scheduledFor: MONDAY_10,
        scheduledForLocal: '2026-11-30T10:00:00+00:00',
      },
    ]);
    expect((await message(ids['Ben'])).history).toEqual([
      {
        at: MONDAY_10,
        event: 'scheduled',
        reason: 'OUTSIDE_CUSTOMER_HOURS',
        scheduledFor: '2026-11-30T14:00:00.000Z',
        scheduledForLocal: '2026-11-30T09:00:00-05:00',
      },
    ]);
    expect(await events(ids['Kenji'])).toEqual(['unreachable:NO_OVERLAP']);
    await stack.runDue();
    const lucy = await message(ids['Lucy']);
    expect(lucy.history.map((e) => e.event)).toEqual(['scheduled', 'delivered']);
    expect(lucy.history[1]).toEqual({ at: MONDAY_10, event: 'delivered', reason: 'IN_WINDOW' });
    expect(lucy.statusReason).toBe('IN_WINDOW');
  });

  it('keeps the reason of a reschedule after late dispatch', async () => {
    await stack.setClock(MONDAY_10);
    const ids = await send({ message: 'Late', customers: ['Ben'] });
    await stack.advance('2026-11-30T19:00:00.000Z');
    const ben = await message(ids['Ben']);
    expect(ben.history.at(-1)).toEqual({
      at: '2026-11-30T19:00:00.000Z',
      event: 'rescheduled',
      reason: 'LATE_DISPATCH',
      scheduledFor: '2026-12-01T14:00:00.000Z',
      scheduledForLocal: '2026-12-01T09:00:00-05:00',
      detail: 'due 2026-11-30T14:00:00.000Z',
    });
    await stack.advance('2026-12-01T14:00:00.000Z');
    expect(await events(ids['Ben'])).toEqual([
      'scheduled:OUTSIDE_CUSTOMER_HOURS',
      'rescheduled:LATE_DISPATCH',
      'delivered:IN_WINDOW',
    ]);
  });

  it('records a cancellation once, with its reason', async () => {
    await stack.setClock(MONDAY_10);
    const ids = await send({ message: 'Never', customers: ['Ben', 'Kenji'] });
    for (let i = 0; i < 2; i++) {
      await injectExpecting(stack.outgoing, 200, {
        method: 'DELETE',
        url: `/v1/broadcasts/${ids['broadcastId']}`,
      });
    }
    expect(await events(ids['Ben'])).toEqual([
      'scheduled:OUTSIDE_CUSTOMER_HOURS',
      'cancelled:CANCELLED',
    ]);
    // Already final: cancelling the broadcast records nothing for it.
    expect(await events(ids['Kenji'])).toEqual(['unreachable:NO_OVERLAP']);
  });

  it('records expiry', async () => {
    await stack.setClock(MONDAY_10);
    const ids = await send({
      message: 'Soon stale',
      customers: ['Ben'],
      expiresAt: '2026-11-30T12:00:00.000Z',
    });
    await stack.advance('2026-11-30T12:00:00.000Z');
    const ben = await message(ids['Ben']);
    expect(ben.status).toBe('expired');
    expect(ben.history.at(-1)).toEqual({
      at: '2026-11-30T12:00:00.000Z',
      event: 'expired',
      reason: 'EXPIRED',
    });
  });

  it('records each failed attempt with its error and retry time, then the failure', async () => {
    await stack.setClock(MONDAY_10);
    stack.channel.failNext(2);
    const ids = await send({ message: 'Flaky', customers: ['Lucy'] });
    await stack.runDue();
    const first = await message(ids['Lucy']);
    const retry = first.history.at(-1);
    expect(retry).toMatchObject({
      at: MONDAY_10,
      event: 'deferred',
      reason: 'DELIVERY_FAILED',
      detail: 'receiver answered 500',
    });
    expect(Date.parse(retry?.scheduledFor ?? '')).toBeGreaterThan(Date.parse(MONDAY_10));
    await stack.advance('2026-11-30T10:30:00.000Z');
    const failed = await message(ids['Lucy']);
    expect(failed.status).toBe('failed');
    expect(failed.history.map((e) => `${e.event}:${e.reason}`)).toEqual([
      'scheduled:IN_WINDOW',
      'deferred:DELIVERY_FAILED',
      'failed:DELIVERY_FAILED',
    ]);
  });

  it('records a customer deleted meanwhile as CUSTOMER_DELETED', async () => {
    await stack.setClock(MONDAY_10);
    const gone = await stack.addCustomer({ name: 'Gone', workingHours: schedules.newYork });
    const ids = await send({ message: 'Bye', customers: ['Gone'] });
    await stack.deleteCustomer(gone.id);
    await stack.advance('2026-11-30T14:00:00.000Z');
    expect(await events(ids['Gone'])).toEqual([
      'scheduled:OUTSIDE_CUSTOMER_HOURS',
      'cancelled:CUSTOMER_DELETED',
    ]);
  });

  it('records a wait for the customer service once, however many polls it lasts', async () => {
    await stack.setClock(MONDAY_10);
    const ids = await send({ message: 'Wait', customers: ['Ben'] });
    await stack.setClock('2026-11-30T14:00:00.000Z');
    stack.customerProxy.down();
    try {
      await stack.runDue();
      await stack.runDue();
    } finally {
      stack.customerProxy.up();
    }
    await stack.runDue();
    expect(await events(ids['Ben'])).toEqual([
      'scheduled:OUTSIDE_CUSTOMER_HOURS',
      'deferred:CUSTOMER_SERVICE_UNAVAILABLE',
      'delivered:IN_WINDOW',
    ]);
  });
});
