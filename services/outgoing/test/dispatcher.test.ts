import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedules } from './support/calendars.ts';
import { type CreatedCustomer, OutgoingStack } from './support/outgoing-stack.ts';

interface Accepted {
  broadcastId: string;
  recipients: { messageId: string; name: string; status: string; scheduledFor: string | null }[];
}
type MessageView = Record<string, unknown> & { status: string; attempts: number };

const MONDAY_10 = '2026-11-30T10:00:00.000Z';

describe('dispatcher', () => {
  let stack: OutgoingStack;
  const c: Record<string, CreatedCustomer> = {};

  beforeAll(async () => {
    stack = await OutgoingStack.start('disp', {
      env: { DISPATCHER: 'off', DISPATCH_MAX_ATTEMPTS: '3' },
    });
    c['asha'] = await stack.addCustomer({
      name: 'Asha',
      workingHours: schedules.kolkata,
      phone: '+911234567890',
    });
    c['ben'] = await stack.addCustomer({ name: 'Ben', workingHours: schedules.newYork });
    c['lucy'] = await stack.addCustomer({ name: 'Lucy', workingHours: schedules.london });
  });
  afterAll(() => stack?.close());

  async function send(body: object): Promise<Record<string, string>> {
    const response = await stack.broadcast(body);
    if (response.statusCode !== 202)
      throw new Error(`broadcast: ${response.statusCode} ${response.body}`);
    const accepted = response.json<Accepted>();
    return {
      broadcastId: accepted.broadcastId,
      ...Object.fromEntries(accepted.recipients.map((r) => [r.name, r.messageId])),
    };
  }
  const message = (id: string | undefined) => stack.get<MessageView>(`/v1/messages/${id}`);
  const deliveredTo = (messageId: string | undefined) =>
    stack.channel.deliveries.filter((d) => d.messageId === messageId);

  it('delivers what is due, each inside its window, with the documented fields', async () => {
    await stack.setClock(MONDAY_10);
    stack.channel.clear();
    const ids = await send({ message: 'Hello', customers: ['Asha', 'Ben'] });
    const ran = await stack.runDue();
    expect(ran).toMatchObject({
      delivered: 1,
      rescheduled: 0,
      cancelled: 0,
      expired: 0,
      failed: 0,
      retried: 0,
    });
    expect(stack.channel.deliveries).toEqual([
      {
        messageId: ids['Asha'],
        broadcastId: ids['broadcastId'],
        customerId: c['asha']?.id,
        to: '+911234567890',
        text: 'Hello',
        kind: 'broadcast',
        sentAt: MONDAY_10,
      },
    ]);
    expect(await message(ids['Asha'])).toMatchObject({
      status: 'delivered',
      attempts: 1,
      deliveredAt: MONDAY_10,
      lastAttemptAt: MONDAY_10,
    });

    // Ben (New York) opens at 14:00Z; he has no phone, so `to` is his name.
    expect(await stack.advance('2026-11-30T14:00:00.000Z')).toMatchObject({ delivered: 1 });
    expect(deliveredTo(ids['Ben'])).toMatchObject([
      { to: 'Ben', sentAt: '2026-11-30T14:00:00.000Z' },
    ]);
  });

  it('reschedules a message that became due late, after its window closed, instead of sending it', async () => {
    await stack.setClock(MONDAY_10);
    stack.channel.clear();
    const ids = await send({ message: 'Late', customers: ['Ben'] });
    // The dispatcher was "down" until 19:00Z: the business closed at 18:00.
    expect(await stack.advance('2026-11-30T19:00:00.000Z')).toMatchObject({
      delivered: 0,
      rescheduled: 1,
    });
    expect(deliveredTo(ids['Ben'])).toEqual([]);
    expect(await message(ids['Ben'])).toMatchObject({
      status: 'scheduled',
      attempts: 0,
      scheduledFor: '2026-12-01T14:00:00.000Z',
      scheduledForLocal: '2026-12-01T09:00:00-05:00',
    });
    expect(await stack.advance('2026-12-01T14:00:00.000Z')).toMatchObject({ delivered: 1 });
    expect(deliveredTo(ids['Ben'])).toHaveLength(1);
  });

  it("re-plans a message when the customer's hours and zone change, before it comes due", async () => {
    await stack.setClock(MONDAY_10);
    const moving = await stack.addCustomer({ name: 'Mover', workingHours: schedules.london });
    const ids = await send({
      message: 'Moved',
      customers: ['Mover'],
      sendAt: '2026-11-30T11:00:00.000Z',
    });
    await stack.patchCustomer(moving.id, {
      workingHours: schedules.newYork,
      timeZone: 'America/New_York',
    });
    // The test clock first follows the customer change sequence: the message moved to the
    // new window's opening, so nothing is due at 11:00.
    expect(await stack.advance('2026-11-30T11:00:00.000Z')).toMatchObject({ delivered: 0 });
    expect(await message(ids['Mover'])).toMatchObject({
      status: 'scheduled',
      scheduledFor: '2026-11-30T14:00:00.000Z',
      scheduledForLocal: '2026-11-30T09:00:00-05:00',
    });
  });

  it('cancels the message of a customer deleted meanwhile', async () => {
    await stack.setClock(MONDAY_10);
    const leaving = await stack.addCustomer({ name: 'Leaver', workingHours: schedules.london });
    const ids = await send({
      message: 'Bye',
      customers: ['Leaver'],
      sendAt: '2026-11-30T11:00:00.000Z',
    });
    await stack.deleteCustomer(leaving.id);
    expect(await stack.advance('2026-11-30T11:00:00.000Z')).toMatchObject({
      delivered: 0,
      cancelled: 1,
    });
    expect(await message(ids['Leaver'])).toMatchObject({ status: 'cancelled', attempts: 0 });
  });

  it('sends nothing while the customer service is down, and delivers once it is back', async () => {
    await stack.setClock(MONDAY_10);
    stack.channel.clear();
    const ids = await send({ message: 'Fail closed', customers: ['Lucy', 'Asha'] });
    stack.customerProxy.down();
    try {
      expect(await stack.runDue()).toMatchObject({ delivered: 0, deferred: 2 });
      expect(stack.channel.deliveries).toEqual([]);
      expect(await message(ids['Lucy'])).toMatchObject({ status: 'sending', attempts: 0 });
    } finally {
      stack.customerProxy.up();
    }
    expect(await stack.runDue()).toMatchObject({ delivered: 2, deferred: 0 });
    expect(stack.channel.deliveries.map((d) => d.messageId).sort()).toEqual(
      [ids['Lucy'], ids['Asha']].sort(),
    );
  });

  it('expires what is still unsent at expiresAt', async () => {
    await stack.setClock(MONDAY_10);
    const ids = await send({
      message: 'Flash sale',
      customers: ['Ben'],
      expiresAt: '2026-11-30T12:00:00.000Z',
    });
    expect(await stack.advance('2026-11-30T12:00:00.000Z')).toMatchObject({
      expired: 1,
      delivered: 0,
    });
    expect(await message(ids['Ben'])).toMatchObject({
      status: 'expired',
      expiresAt: '2026-11-30T12:00:00.000Z',
    });
    const broadcast = await stack.get<{ counts: Record<string, number> }>(
      `/v1/broadcasts/${ids['broadcastId']}`,
    );
    expect(broadcast.counts['expired']).toBe(1);
  });

  it('retries a failed delivery with exponential backoff, keeping its messageId', async () => {
    await stack.setClock(MONDAY_10);
    stack.channel.clear();
    stack.channel.failNext(1);
    const ids = await send({ message: 'Retry', customers: ['Lucy'] });
    expect(await stack.runDue()).toMatchObject({ delivered: 0, retried: 1 });
    const retrying = await message(ids['Lucy']);
    expect(retrying).toMatchObject({
      status: 'sending',
      attempts: 1,
      lastError: 'receiver answered 500',
    });
    // e^1 s after the attempt, jittered down to half of it at most.
    const nextAttemptAt = Date.parse(String(retrying['nextAttemptAt']));
    expect(nextAttemptAt).toBeGreaterThanOrEqual(Date.parse('2026-11-30T10:00:01.359Z'));
    expect(nextAttemptAt).toBeLessThanOrEqual(Date.parse('2026-11-30T10:00:02.718Z'));
    expect(await stack.runDue()).toMatchObject({ delivered: 0, retried: 0 });
    expect(await stack.advance('2026-11-30T10:00:03.000Z')).toMatchObject({ delivered: 1 });
    expect(stack.channel.failures.map((d) => d.messageId)).toEqual([ids['Lucy']]);
    expect(deliveredTo(ids['Lucy'])).toHaveLength(1);
    expect(await message(ids['Lucy'])).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastError: null,
    });
  });

  it('marks a message failed after the last allowed attempt', async () => {
    await stack.setClock(MONDAY_10);
    stack.channel.failNext(3);
    const ids = await send({ message: 'Doomed', customers: ['Lucy'] });
    expect(await stack.runDue()).toMatchObject({ retried: 1 });
    expect(await stack.advance('2026-11-30T10:00:03.000Z')).toMatchObject({ retried: 1 });
    expect(await stack.advance('2026-11-30T10:00:11.000Z')).toMatchObject({ failed: 1 });
    expect(await message(ids['Lucy'])).toMatchObject({
      status: 'failed',
      attempts: 3,
      nextAttemptAt: null,
    });
    stack.channel.failNext(0);
  });
});

describe('dispatcher rate limit', () => {
  let stack: OutgoingStack;
  beforeAll(async () => {
    stack = await OutgoingStack.start('rate', {
      env: { DISPATCHER: 'off', DISPATCH_RATE_PER_SECOND: '4' },
    });
    for (let i = 0; i < 10; i++)
      await stack.addCustomer({ name: `Rate ${i}`, workingHours: schedules.london });
  });
  afterAll(() => stack?.close());

  it('starts at most DISPATCH_RATE_PER_SECOND deliveries a second (of the database clock), even under a frozen test clock', async () => {
    await stack.setClock(MONDAY_10);
    let started = 0;
    const deliver = stack.channel.deliver.bind(stack.channel);
    stack.channel.deliver = (delivery) => {
      started++;
      return deliver(delivery);
    };
    expect((await stack.broadcast({ message: 'Paced' })).statusCode).toBe(202);
    expect(await stack.runDue().finally(() => (stack.channel.deliver = deliver))).toMatchObject({
      delivered: 10,
    });
    // The budget's own ledger: the tokens granted in each second of the database's clock,
    // whatever the machine's speed (a slow delivery starting in the next second of the
    // process's clock does not count twice). Without the cap, one second grants all ten.
    const seconds = await stack.query<{ epoch_second: number; used: number }>(
      'SELECT epoch_second, used FROM dispatch_rate WHERE used > 0 ORDER BY epoch_second',
    );
    expect(started).toBe(10);
    expect(seconds.reduce((sum, s) => sum + s.used, 0)).toBe(10);
    expect(Math.max(...seconds.map((s) => s.used))).toBeLessThanOrEqual(4);
    // 10 at 4 a second: at least three distinct seconds.
    expect(seconds.length).toBeGreaterThanOrEqual(3);
    // The six the first second held back have one RATE_LIMITED wait each in their
    // history, however many polls the wait lasted (SPEC §5).
    const waits = await stack.query<{ message_id: string; n: number }>(
      `SELECT message_id, COUNT(*) AS n FROM message_event
       WHERE event = 'deferred' AND reason = 'RATE_LIMITED' GROUP BY message_id`,
    );
    expect(waits).toHaveLength(6);
    expect(waits.every((wait) => Number(wait.n) === 1)).toBe(true);
  });
});

describe('several dispatchers on one queue', () => {
  let stack: OutgoingStack;
  beforeAll(async () => {
    stack = await OutgoingStack.start('multi', {
      env: { DISPATCHER: 'off', DISPATCH_BATCH_SIZE: '7', DISPATCH_CONCURRENCY: '3' },
    });
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        stack.addCustomer({ name: `Multi ${i}`, workingHours: schedules.london }),
      ),
    );
  });
  afterAll(() => stack?.close());

  it('never delivers a message twice, nor one at the same time as the other, when two dispatchers drain the same queue', async () => {
    const other = await stack.replica({ instanceId: 'other' });
    await stack.setClock(MONDAY_10);
    const deliver = stack.channel.deliver.bind(stack.channel);
    const inFlight = new Set<string>();
    const overlaps: string[] = [];
    const holders: { owner: string; live: number }[] = [];
    // Each delivery asks the database which batch holds its message (one live lease) and
    // takes a little time, so the two dispatchers' batches interleave.
    stack.channel.deliver = async (delivery) => {
      if (inFlight.has(delivery.messageId)) overlaps.push(delivery.messageId);
      inFlight.add(delivery.messageId);
      try {
        holders.push(
          ...(await stack.query<{ owner: string; live: number }>(
            'SELECT b.owner, b.expires_at > UTC_TIMESTAMP(3) AS live FROM message m JOIN dispatch_batch b ON b.id = m.batch_id WHERE m.id = ?',
            [delivery.messageId],
          )),
        );
        await new Promise((resolve) => setTimeout(resolve, 1));
        return await deliver(delivery);
      } finally {
        inFlight.delete(delivery.messageId);
      }
    };
    expect((await stack.broadcast({ message: 'Once each' })).statusCode).toBe(202);
    const [a, b] = await Promise.all([stack.runDue(stack.outgoing), stack.runDue(other)]).finally(
      () => {
        stack.channel.deliver = deliver;
      },
    );
    expect((a?.delivered ?? 0) + (b?.delivered ?? 0)).toBe(120);
    expect(a?.delivered).toBeGreaterThan(0);
    expect(b?.delivered).toBeGreaterThan(0);
    const ids = stack.channel.deliveries.map((d) => d.messageId);
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
    expect(overlaps).toEqual([]);
    // Every message was held, while it was delivered, by exactly one live batch lease of
    // one of the two dispatchers.
    expect(holders).toHaveLength(120);
    expect(holders.every((h) => Number(h.live) === 1)).toBe(true);
    const instances = new Set(holders.map((h) => h.owner.split('/')[0]));
    expect(instances.size).toBe(2);
    expect(instances.has('other')).toBe(true);
    // Done: nothing points to a batch, and every batch's lease row is gone.
    expect(await stack.query('SELECT id FROM message WHERE batch_id IS NOT NULL')).toEqual([]);
    expect(await stack.query('SELECT id FROM dispatch_batch')).toEqual([]);
  });

  it('keeps DISPATCH_CONCURRENCY deliveries in flight per process, shared by its workers', async () => {
    await stack.setClock(MONDAY_10);
    stack.channel.clear();
    const busy = await stack.replica({
      instanceId: 'busy',
      env: { DISPATCHER: 'on', DISPATCHER_WORKERS: '3' },
    });
    const deliver = stack.channel.deliver.bind(stack.channel);
    let inFlight = 0;
    let peak = 0;
    stack.channel.deliver = async (delivery) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 3));
        return await deliver(delivery);
      } finally {
        inFlight--;
      }
    };
    try {
      // Sent through the replica, whose three workers it wakes: each claims a batch of 7.
      const response = await busy.inject({
        method: 'POST',
        url: '/v1/broadcasts',
        payload: { message: 'Shared budget' },
      });
      expect(response.statusCode).toBe(202);
      await expect.poll(() => stack.channel.deliveries.length, { timeout: 10_000 }).toBe(120);
    } finally {
      stack.channel.deliver = deliver;
      await stack.closeReplica(busy);
    }
    // Three workers, three deliveries in flight between them (not three each).
    expect(peak).toBe(3);
  });

  it('on a graceful stop, finishes the deliveries it started and gives back the rest', async () => {
    await stack.setClock(MONDAY_10);
    stack.channel.clear();
    const stopping = await stack.replica({
      instanceId: 'stopping',
      env: { DISPATCHER: 'on', DISPATCHER_WORKERS: '1' },
    });
    stack.channel.hold();
    // Sent through the replica, whose dispatcher it wakes: it claims the five and starts
    // DISPATCH_CONCURRENCY (3) deliveries, which the channel holds.
    const response = await stopping.inject({
      method: 'POST',
      url: '/v1/broadcasts',
      payload: {
        message: 'Stop midway',
        customers: ['Multi 1', 'Multi 2', 'Multi 3', 'Multi 4', 'Multi 5'],
      },
    });
    expect(response.statusCode).toBe(202);
    await expect.poll(() => stack.channel.started, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
    const closing = stopping.close();
    await expect.poll(() => stopping.dispatcher.isStopping).toBe(true);
    stack.channel.release();
    await closing;
    expect(stack.channel.deliveries).toHaveLength(3);
    const rows = await stack.query<{
      status: string;
      batch_id: string | null;
      due_at: Date | null;
    }>(
      "SELECT m.status, m.batch_id, m.due_at FROM message m JOIN broadcast b ON b.id = m.broadcast_id WHERE b.message = 'Stop midway'",
    );
    expect(rows.filter((r) => r.status === 'delivered')).toHaveLength(3);
    expect(
      rows.filter((r) => r.status === 'sending' && r.batch_id === null && r.due_at !== null),
    ).toHaveLength(2);
    expect(await stack.runDue()).toMatchObject({ delivered: 2 });
  });
});
