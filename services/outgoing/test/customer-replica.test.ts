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
    await stack.setClock('2026-11-30T09:00:00.000Z');
    const gone = await stack.addCustomer({ name: 'Gone', workingHours: NINE_TO_FIVE });
    const accepted = await stack.broadcast({
      message: 'Too late',
      customers: ['Gone'],
      sendAt: DISPATCH_AT,
    });
    expect(accepted.statusCode).toBe(202);
    await withoutReplan();
    await stack.setClock(ONE_SECOND_BEFORE);
    await stack.deleteCustomer(gone.id);
    expect(await stack.advance(DISPATCH_AT)).toMatchObject({ delivered: 0, cancelled: 1 });
    const [row] = await stack.query<{ deleted: number }>(
      'SELECT deleted FROM customer_replica WHERE id = ?',
      [gone.id],
    );
    expect(row?.deleted).toBe(1);
  });

  it('fills an empty replica from every customer before it dispatches, even ones the feed never announced', async () => {
    await stack.setClock('2026-11-30T09:00:00.000Z');
    const old = await stack.addCustomer({ name: 'Before the replica', workingHours: NINE_TO_FIVE });
    const accepted = await stack.broadcast({
      message: 'After an upgrade',
      customers: ['Before the replica'],
      sendAt: DISPATCH_AT,
    });
    expect(accepted.statusCode).toBe(202);
    // An outgoing database as migration 0200 leaves it, and a customer service whose
    // change sequence began after this customer was created.
    await stack.query('DELETE FROM customer_replica');
    await stack.query('DELETE FROM customer_replica_state');
    await stack.customerQuery('DELETE FROM customer_change WHERE customer_id = ?', [old.id]);
    // A process started on it fills the replica (walking every customer) before dispatching.
    const fresh = await stack.replica({ env: { DISPATCHER: 'off' } });
    try {
      await stack.setClock(DISPATCH_AT);
      await stack.runDue(fresh);
      // Delivered (by either process), not cancelled as a customer the replica lacks.
      const messageId = accepted.json<{ recipients: Array<{ messageId: string }> }>().recipients[0]
        ?.messageId;
      await expect
        .poll(async () => (await stack.get<Message>(`/v1/messages/${messageId}`)).status)
        .toBe('delivered');
      expect(stack.channel.deliveries.at(-1)?.customerId).toBe(old.id);
      const [state] = await stack.query<{ applied_seq: string }>(
        'SELECT applied_seq FROM customer_replica_state',
      );
      expect(state).toBeDefined();
      const [count] = await stack.query<{ n: number }>(
        'SELECT COUNT(*) AS n FROM customer_replica WHERE deleted = 0',
      );
      expect(Number(count?.n)).toBeGreaterThanOrEqual(4);
    } finally {
      await stack.closeReplica(fresh);
    }
  });

  it('cancels, never defers for good, the message of a customer deleted before the replica was filled', async () => {
    await stack.setClock('2026-11-30T09:00:00.000Z');
    const gone = await stack.addCustomer({
      name: 'Gone before the fill',
      workingHours: NINE_TO_FIVE,
    });
    const accepted = await stack.broadcast({
      message: 'Never filled',
      customers: ['Gone before the fill'],
      sendAt: DISPATCH_AT,
    });
    expect(accepted.statusCode).toBe(202);
    const messageId = accepted.json<{ recipients: Array<{ messageId: string }> }>().recipients[0]
      ?.messageId;
    await withoutReplan();
    await stack.deleteCustomer(gone.id);
    // An empty replica, filled after the deletion: only the snapshot can tell it the
    // customer is gone (the deletion is before the head the fill follows the feed from).
    await stack.query('DELETE FROM customer_replica');
    await stack.query('DELETE FROM customer_replica_state');
    const fresh = await stack.replica({ env: { DISPATCHER: 'off' } });
    try {
      await stack.setClock(DISPATCH_AT);
      await stack.runDue(fresh);
      await expect
        .poll(async () => (await stack.get<Message>(`/v1/messages/${messageId}`)).status)
        .toBe('cancelled');
      expect(stack.channel.deliveries.map((d) => d.customerId)).not.toContain(gone.id);
      const [row] = await stack.query<{ deleted: number }>(
        'SELECT deleted FROM customer_replica WHERE id = ?',
        [gone.id],
      );
      expect(row?.deleted).toBe(1);
    } finally {
      await stack.closeReplica(fresh);
    }
  });

  it('defers, never cancels, a message whose recipient the replica has not heard of yet', async () => {
    await stack.setClock('2026-11-30T09:00:00.000Z');
    const late = await stack.addCustomer({
      name: 'Not yet replicated',
      workingHours: NINE_TO_FIVE,
    });
    const accepted = await stack.broadcast({
      message: 'Hello',
      customers: ['Not yet replicated'],
      sendAt: DISPATCH_AT,
    });
    expect(accepted.statusCode).toBe(202);
    const messageId = accepted.json<{ recipients: Array<{ messageId: string }> }>().recipients[0]
      ?.messageId;
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
