import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '@screenmagic/service-kit';
import { INTERNAL_AUTH_HEADERS } from '@screenmagic/service-kit/testing';
import { buildApp, readConfig } from '../src/app.ts';
import { schedules } from './support/calendars.ts';
import { OutgoingStack } from './support/outgoing-stack.ts';

const MONDAY_10 = '2026-11-30T10:00:00.000Z';
/** Sunday: London's window and the business are closed, and the message is not yet due. */
const SUNDAY_10 = '2026-11-29T10:00:00.000Z';

describe('a dispatcher started with TEST_CLOCK_START', () => {
  let stack: OutgoingStack;
  let early: App | undefined;
  beforeAll(async () => {
    stack = await OutgoingStack.start('tcstart', { env: { DISPATCHER: 'off' } });
    await stack.addCustomer({ name: 'Early 1', workingHours: schedules.london });
  });
  afterAll(async () => {
    await early?.close();
    await stack?.close();
  });

  it('polls at that instant from its first batch, never at the real time, until the clock is set', async () => {
    await stack.setClock(MONDAY_10);
    const accepted = await stack.broadcast({
      message: 'Not before Monday',
      customers: ['Early 1'],
    });
    expect(accepted.statusCode).toBe(202);
    // Its own clock from the environment (not the stack's), polling every 20 ms.
    early = await buildApp(
      readConfig({
        ...stack.env,
        DISPATCHER: 'on',
        DISPATCH_POLL_INTERVAL_MS: '20',
        TEST_CLOCK_START: SUNDAY_10,
      }),
      false,
      { channel: stack.channel, instanceId: 'early' },
    );
    let polls = 0;
    const runBatch = early.dispatcher.runBatch.bind(early.dispatcher);
    early.dispatcher.runBatch = (owner) => {
      polls++;
      return runBatch(owner);
    };
    await early.ready();
    await expect.poll(() => polls, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    // On the real clock (any day after Monday 30 November 2026) the message would be due:
    // delivered if London were open at the real time, rescheduled a week ahead otherwise.
    const [row] = await stack.query<{ status: string; attempts: number; due_at: Date }>(
      'SELECT status, attempts, due_at FROM message',
    );
    expect(row).toMatchObject({ status: 'sending', attempts: 0, due_at: new Date(MONDAY_10) });
    expect(stack.channel.deliveries).toHaveLength(0);

    const set = await early.inject({
      method: 'POST',
      url: '/internal/test/clock',
      headers: INTERNAL_AUTH_HEADERS,
      payload: { now: MONDAY_10 },
    });
    expect(set.statusCode).toBe(200);
    expect(await stack.runDue(early)).toMatchObject({ delivered: 1, rescheduled: 0 });
  });
});
