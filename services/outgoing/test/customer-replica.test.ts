import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { OutgoingStack } from './support/outgoing-stack.ts';

const NINE_TO_FIVE = { timeZone: 'Europe/London', start: '09:00', end: '17:00' };
const ONE_SECOND_BEFORE = '2026-11-30T09:59:59.000Z';
const DISPATCH_AT = '2026-11-30T10:00:00.000Z';

interface Message {
  status: string;
  statusReason?: string | null;
  scheduledFor?: string | null;
}

/**
 * Dispatch reads the outgoing service's own customer replica, never the customer service
 * (docs/decisions.md, "The outgoing service's customer replica").
 */
describe('the customer replica at dispatch', () => {
  let stack: OutgoingStack;
  beforeAll(async () => {
    stack = await OutgoingStack.start('replica');
  });
  afterAll(() => stack?.close());

  const withoutReplan = async () => onTestFinished(await stack.withoutReplan());
  /** The replica row's tombstone flag (undefined: no row). */
  const replicaDeleted = async (id: string) => {
    const [row] = await stack.query<{ deleted: number }>(
      'SELECT deleted FROM customer_replica WHERE id = ?',
      [id],
    );
    return row?.deleted;
  };
  /** A new customer `name` and one broadcast message to them, queued for DISPATCH_AT. */
  const queuedFor = async (name: string, message: string) => {
    await stack.setClock('2026-11-30T09:00:00.000Z');
    const customer = await stack.addCustomer({ name, workingHours: NINE_TO_FIVE });
    const accepted = await stack.broadcast({ message, customers: [name], sendAt: DISPATCH_AT });
    expect(accepted.statusCode, accepted.body).toBe(202);
    const [recipient] = accepted.json<{ recipients: Array<{ messageId: string }> }>().recipients;
    return { customer, messageId: recipient?.messageId };
  };
  /**
   * Empties the replica (as migration 0200 leaves it), starts a process that fills it and
   * runs what is due at DISPATCH_AT there; waits until `messageId` has `status` (either
   * process may have dispatched it), then runs `check` before closing that process.
   */
  const dispatchAfterAFill = async (
    messageId: string | undefined,
    status: string,
    check: () => Promise<void>,
  ) => {
    await stack.query('DELETE FROM customer_replica');
    await stack.query('DELETE FROM customer_replica_state');
    const fresh = await stack.replica({ env: { DISPATCHER: 'off' } });
    try {
      await stack.setClock(DISPATCH_AT);
      await stack.runDue(fresh);
      await expect
        .poll(async () => (await stack.get<Message>(`/v1/messages/${messageId}`)).status)
        .toBe(status);
      await check();
    } finally {
      await stack.closeReplica(fresh);
    }
  };

  it('judges a customer who changed hours, zone or consent 1 s before dispatch by the new values', async () => {
    await stack.setClock('2026-11-30T09:00:00.000Z');
    const names = ['Hours', 'Zone', 'Consent', 'Same'];
    const ids: Record<string, string> = {};
    for (const name of names) {
      ids[name] = (await stack.addCustomer({ name, workingHours: NINE_TO_FIVE })).id;
    }
    const accepted = await stack.broadcast({
      message: 'Ten o’clock sale',
      customers: names,
      sendAt: DISPATCH_AT,
    });
    expect(accepted.statusCode, accepted.body).toBe(202);
    const messageOf = Object.fromEntries(
      accepted
        .json<{ recipients: Array<{ name: string; messageId: string }> }>()
        .recipients.map((r) => [r.name, r.messageId]),
    );
    await withoutReplan();

    await stack.setClock(ONE_SECOND_BEFORE);
    await stack.patchCustomer(ids['Hours'] as string, {
      workingHours: { ...NINE_TO_FIVE, start: '15:00' },
    });
    // 09:00–17:00 in New York is 14:00–22:00Z.
    await stack.patchCustomer(ids['Zone'] as string, { timeZone: 'America/New_York' });
    await stack.patchCustomer(ids['Consent'] as string, { consent: { marketing: false } });

    const ran = await stack.advance(DISPATCH_AT);
    expect(ran).toMatchObject({ delivered: 1, suppressed: 1 });
    expect(stack.channel.deliveries.map((d) => d.customerId)).toEqual([ids['Same']]);
    const message = (name: string) => stack.get<Message>(`/v1/messages/${messageOf[name]}`);
    expect(await message('Hours')).toMatchObject({
      status: 'scheduled',
      scheduledFor: '2026-11-30T15:00:00.000Z',
    });
    expect(await message('Zone')).toMatchObject({
      status: 'scheduled',
      scheduledFor: '2026-11-30T14:00:00.000Z',
    });
    expect(await message('Consent')).toMatchObject({
      status: 'suppressed',
      statusReason: 'OPTED_OUT',
    });
    // What the replica holds: the new values, each as of its latest change.
    const rows = await stack.query<{ id: string; time_zone: string; marketing_consent: number }>(
      'SELECT id, time_zone, marketing_consent FROM customer_replica WHERE id IN (?, ?)',
      [ids['Zone'], ids['Consent']],
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.time_zone, r.marketing_consent]]))).toEqual(
      {
        [ids['Zone'] as string]: ['America/New_York', 1],
        [ids['Consent'] as string]: ['Europe/London', 0],
      },
    );
  });

  it('cancels the message of a customer deleted 1 s before dispatch (the replica keeps a tombstone)', async () => {
    const { customer: gone } = await queuedFor('Gone', 'Too late');
    await withoutReplan();
    await stack.setClock(ONE_SECOND_BEFORE);
    await stack.deleteCustomer(gone.id);
    expect(await stack.advance(DISPATCH_AT)).toMatchObject({ delivered: 0, cancelled: 1 });
    expect(await replicaDeleted(gone.id)).toBe(1);
  });

  it('fills an empty replica from every customer before it dispatches, even ones the feed never announced', async () => {
    const { customer: old, messageId } = await queuedFor('Before the replica', 'After an upgrade');
    // A customer service whose change sequence began after this customer was created.
    await stack.customerQuery('DELETE FROM customer_change WHERE customer_id = ?', [old.id]);
    // A process started on an empty replica fills it (walking every customer) before
    // dispatching: delivered, not cancelled as a customer the replica lacks.
    await dispatchAfterAFill(messageId, 'delivered', async () => {
      expect(stack.channel.deliveries.at(-1)?.customerId).toBe(old.id);
      const [state] = await stack.query<{ applied_seq: string }>(
        'SELECT applied_seq FROM customer_replica_state',
      );
      expect(state).toBeDefined();
      const [count] = await stack.query<{ n: number }>(
        'SELECT COUNT(*) AS n FROM customer_replica WHERE deleted = 0',
      );
      expect(Number(count?.n)).toBeGreaterThanOrEqual(4);
    });
  });

  it('cancels, never defers for good, the message of a customer deleted before the replica was filled', async () => {
    const { customer: gone, messageId } = await queuedFor('Gone before the fill', 'Never filled');
    await withoutReplan();
    await stack.deleteCustomer(gone.id);
    // The stack's own replica polls in the background: once it holds the tombstone, no
    // poll of it still carries the deletion (one in flight would write it back below).
    await expect.poll(() => replicaDeleted(gone.id), { timeout: 5_000 }).toBe(1);
    // An empty replica, filled after the deletion: only the snapshot can tell it the
    // customer is gone (the deletion is before the head the fill follows the feed from).
    await dispatchAfterAFill(messageId, 'cancelled', async () => {
      expect(stack.channel.deliveries.map((d) => d.customerId)).not.toContain(gone.id);
      expect(await replicaDeleted(gone.id)).toBe(1);
    });
  });

  it('defers, never cancels, a message whose recipient the replica has not heard of yet', async () => {
    const { customer: late, messageId } = await queuedFor('Not yet replicated', 'Hello');
    // As if it were created after the replica's last poll: no row, no tombstone.
    await stack.query('DELETE FROM customer_replica WHERE id = ?', [late.id]);
    await stack.query("UPDATE customer_replica_state SET applied_seq = '99999999'");
    // The whole batch waits (with whatever else came due with it); nothing is cancelled.
    const ran = await stack.advance(DISPATCH_AT);
    expect(ran).toMatchObject({ delivered: 0, cancelled: 0 });
    expect(ran.deferred).toBeGreaterThanOrEqual(1);
    expect(await stack.get<Message>(`/v1/messages/${messageId}`)).toMatchObject({
      status: 'sending',
    });
    // The feed brings it (here: from the start again), and it goes.
    await stack.query("UPDATE customer_replica_state SET applied_seq = '0'");
    expect((await stack.runDue()).delivered).toBeGreaterThanOrEqual(1);
    expect(await stack.get<Message>(`/v1/messages/${messageId}`)).toMatchObject({
      status: 'delivered',
    });
  });
});

/**
 * The customer ids of the deliveries the stack's channel begins from now on, in order; the
 * channel is restored (and released, if held) when the test finishes.
 */
function recordStarts(stack: OutgoingStack): string[] {
  const started: string[] = [];
  const deliver = stack.channel.deliver.bind(stack.channel);
  stack.channel.deliver = (delivery) => {
    started.push(delivery.customerId);
    return deliver(delivery);
  };
  onTestFinished(() => {
    stack.channel.deliver = deliver;
    stack.channel.release();
  });
  return started;
}

describe('a batch whose read of the replica goes stale while it runs', () => {
  let stack: OutgoingStack;
  beforeAll(async () => {
    // No background dispatch: one process, one delivery at a time.
    stack = await OutgoingStack.start('replica-held', {
      env: { DISPATCHER: 'off', DISPATCH_CONCURRENCY: '1', REPLICA_MAX_STALENESS_MS: '1500' },
    });
  });
  afterAll(() => stack?.close());

  it('sends nothing more on what it read before a clock set, even to a recipient still open', async () => {
    await stack.setClock('2026-11-30T09:00:00.000Z');
    const first = await stack.addCustomer({
      name: 'Read before the set',
      workingHours: NINE_TO_FIVE,
    });
    const second = await stack.addCustomer({
      name: 'Deleted meanwhile',
      workingHours: NINE_TO_FIVE,
    });
    const accepted = await stack.broadcast({
      message: 'Ten o’clock sale',
      customers: [first.name, second.name],
      sendAt: DISPATCH_AT,
    });
    expect(accepted.statusCode, accepted.body).toBe(202);
    const started = recordStarts(stack);

    // The batch reads both customers at 10:00; its first delivery hangs.
    await stack.setClock(DISPATCH_AT);
    stack.channel.hold();
    const running = stack.runDue();
    await expect.poll(() => started.length).toBe(1);
    const other = started[0] === first.id ? second : first;
    // Meanwhile the other recipient leaves, and the clock moves on.
    await stack.deleteCustomer(other.id);
    await stack.setClock('2026-11-30T10:01:00.000Z');
    stack.channel.release();
    await running;
    // Still open at 10:01 by what the batch read, but that read proves nothing after the
    // set: the other message was given back untouched, not sent.
    expect(started).toEqual([started[0]]);
    // The next run reads the replica again, caught up: the deletion cancels it.
    expect(await stack.runDue()).toMatchObject({ delivered: 0, cancelled: 1 });
    expect(started).not.toContain(other.id);
  });

  it('reads the rest again once its read is older than the staleness bound, and judges them anew', async () => {
    await stack.setClock('2026-11-30T10:30:00.000Z');
    const names = ['Slow batch one', 'Slow batch two'];
    const customers = [];
    for (const name of names)
      customers.push(await stack.addCustomer({ name, workingHours: NINE_TO_FIVE }));
    const accepted = await stack.broadcast({
      message: 'Eleven o’clock sale',
      customers: names,
      sendAt: '2026-11-30T11:00:00.000Z',
    });
    expect(accepted.statusCode, accepted.body).toBe(202);
    const started = recordStarts(stack);

    // This process polls the feed only when asked: the read the batch makes rests on the
    // poll run-due makes. Its first delivery hangs past the bound (1.5 s); meanwhile the
    // other recipient leaves.
    await stack.setClock('2026-11-30T11:00:00.000Z');
    stack.channel.hold();
    const running = stack.runDue();
    await expect.poll(() => started.length).toBe(1);
    const other = customers.find((c) => c.id !== started[0]);
    await stack.deleteCustomer(other?.id ?? '');
    await new Promise((resolve) => setTimeout(resolve, 1_800));
    stack.channel.release();
    // The read lapsed: the batch caught the replica up and read the other recipient again,
    // in place — deleted, so cancelled, not sent on the old read nor given back for later.
    expect(await running).toMatchObject({ delivered: 1, cancelled: 1 });
    expect(started).toHaveLength(1);
    const message = await stack.query<{ status: string; attempts: number }>(
      'SELECT status, attempts FROM message WHERE customer_id = ?',
      [other?.id],
    );
    expect(message).toEqual([{ status: 'cancelled', attempts: 0 }]);
  });
});
