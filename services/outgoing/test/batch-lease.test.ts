import { mysqlOptions } from '@screenmagic/service-kit';
import { testMysqlUrl } from '@screenmagic/service-kit/testing';
import { Kysely, MysqlDialect } from 'kysely';
import { createPool } from 'mysql2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { MessageHistory } from '../src/db/message-history-repository.ts';
import { markDelivered } from '../src/db/message-outcome-repository.ts';
import {
  type ClaimedBatch,
  claimDueMessages,
  closeBatch,
  releaseStaleLocks,
  renewBatch,
} from '../src/db/message-queue.ts';
import { schedules } from './support/calendars.ts';
import { OutgoingStack } from './support/outgoing-stack.ts';

const MONDAY_10 = '2026-11-30T10:00:00.000Z';
const NOW = new Date(MONDAY_10);

/*
 * The batch lease at the repository level (docs/decisions.md, "One lease per batch"):
 * the claims, renewals, completions and the sweep that the dispatcher runs, driven one
 * statement at a time so that every interleaving the design relies on is shown.
 */
describe('one lease per claimed batch', () => {
  let stack: OutgoingStack;
  let db: Kysely<Database>;
  const history = new MessageHistory({ events: false });

  const claim = (owner: string, limit: number, leaseMs = 30_000): Promise<ClaimedBatch> =>
    db
      .transaction()
      .setIsolationLevel('read committed')
      .execute((trx) => claimDueMessages(trx, { owner, now: NOW, limit, leaseMs }));

  beforeAll(async () => {
    stack = await OutgoingStack.start('lease', { env: { DISPATCHER: 'off' } });
    db = new Kysely<Database>({
      dialect: new MysqlDialect({
        pool: createPool(mysqlOptions(testMysqlUrl(), `${stack.prefix}outgoing`)),
      }),
    });
    for (let i = 0; i < 12; i++) {
      await stack.addCustomer({ name: `Lease ${i}`, workingHours: schedules.london });
    }
  });
  afterAll(async () => {
    await db?.destroy();
    await stack?.close();
  });

  it('claims disjoint batches at once, each one row that its messages point to, and renews only while alive', async () => {
    await stack.setClock(MONDAY_10);
    expect((await stack.broadcast({ message: 'Disjoint' })).statusCode).toBe(202);
    const [a, b] = await Promise.all([claim('a/0', 5), claim('b/0', 5)]);
    const rest = await claim('c/0', 5);
    const ids = [a, b, rest].flatMap((batch) => batch.messages.map((m) => m.id));
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    expect(new Set([a.batch, b.batch, rest.batch]).size).toBe(3);
    const rows = await stack.query<{ batch_id: string; n: number; owner: string }>(
      'SELECT m.batch_id, COUNT(*) AS n, b.owner FROM message m JOIN dispatch_batch b ON b.id = m.batch_id GROUP BY m.batch_id, b.owner ORDER BY b.owner',
    );
    expect(rows.map((r) => [r.owner, Number(r.n)])).toEqual([
      ['a/0', 5],
      ['b/0', 5],
      ['c/0', 2],
    ]);
    // Nothing is left to claim while the three leases live.
    expect((await claim('d/0', 5)).messages).toEqual([]);
    // The heartbeat moves one row's expiry.
    const before = await stack.query<{ expires_at: Date }>(
      'SELECT expires_at FROM dispatch_batch WHERE id = ?',
      [a.batch],
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await renewBatch(db, a.batch ?? '', 60_000)).toBe(true);
    const after = await stack.query<{ expires_at: Date }>(
      'SELECT expires_at FROM dispatch_batch WHERE id = ?',
      [a.batch],
    );
    expect(after[0]?.expires_at.getTime()).toBeGreaterThan(before[0]?.expires_at.getTime() ?? 0);
    for (const batch of [a, b, rest]) {
      const done = batch.messages.map((m) => ({ id: m.id, at: NOW }));
      expect(await markDelivered(db, history, batch.batch ?? '', done)).toBe(done.length);
      await closeBatch(db, batch.batch ?? '');
    }
    expect(await stack.query('SELECT id FROM dispatch_batch')).toEqual([]);
  });

  it("takes over a dead batch's messages; the dead holder can neither renew nor complete them", async () => {
    await stack.setClock(MONDAY_10);
    expect((await stack.broadcast({ message: 'Takeover' })).statusCode).toBe(202);
    const dead = await claim('dead/0', 12, 200);
    expect(dead.messages).toHaveLength(12);
    // While the lease lives, nobody else gets them.
    expect((await claim('live/0', 12)).messages).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    // Expired (on the database's clock): dead for good, and claimable.
    expect(await renewBatch(db, dead.batch ?? '', 30_000)).toBe(false);
    const live = await claim('live/0', 5);
    expect(live.messages).toHaveLength(5);
    expect(live.messages.every((m) => m.attempts === 2)).toBe(true);
    expect(await renewBatch(db, dead.batch ?? '', 30_000)).toBe(false);

    // The dead holder finishing its whole batch changes only the 7 still pointing to it,
    // and writes history for those alone (its optimistic completion is undone).
    const all = dead.messages.map((m) => ({ id: m.id, at: NOW }));
    expect(await markDelivered(db, history, dead.batch ?? '', all)).toBe(7);
    const taken = new Set(live.messages.map((m) => m.id));
    const rows = await stack.query<{ id: string; status: string; batch_id: string | null }>(
      'SELECT m.id, m.status, m.batch_id FROM message m JOIN broadcast b ON b.id = m.broadcast_id WHERE b.message = ?',
      ['Takeover'],
    );
    for (const row of rows) {
      expect(row.status).toBe(taken.has(row.id) ? 'sending' : 'delivered');
      expect(row.batch_id).toBe(taken.has(row.id) ? live.batch : null);
    }
    // History: a delivered entry for the 7, none for the 5 taken over.
    for (const row of rows) {
      const { history } = await stack.get<{ history: Array<{ event: string }> }>(
        `/v1/messages/${row.id}`,
      );
      expect(history.filter((entry) => entry.event === 'delivered')).toHaveLength(
        taken.has(row.id) ? 0 : 1,
      );
    }

    // The sweep deletes the dead batch and leaves the live one alone.
    expect(await releaseStaleLocks(db)).toBe(0);
    const batches = await stack.query<{ id: string }>('SELECT id FROM dispatch_batch');
    expect(batches.map((b) => b.id)).toEqual([live.batch]);
    expect(
      await markDelivered(
        db,
        history,
        live.batch ?? '',
        live.messages.map((m) => ({ id: m.id, at: NOW })),
      ),
    ).toBe(5);
    await closeBatch(db, live.batch ?? '');
  });

  it('a completion sets each message to its own attempt instant, in the row and its history', async () => {
    await stack.setClock(MONDAY_10);
    expect((await stack.broadcast({ message: 'Instants' })).statusCode).toBe(202);
    const batch = await claim('instants/0', 12);
    expect(batch.messages).toHaveLength(12);
    // Distinct instants in an order unrelated to the ids, with one run of equal ones.
    const at = (i: number) =>
      new Date(NOW.getTime() + [7, 3, 3, 3, 11, 0, 5, 9, 1, 2, 8, 4][i]! * 1_001);
    const done = batch.messages.map((m, i) => ({ id: m.id, at: at(i) }));
    expect(await markDelivered(db, history, batch.batch ?? '', done)).toBe(12);
    await closeBatch(db, batch.batch ?? '');
    const rows = await stack.query<{
      id: string;
      delivered_at: Date;
      finished_at: Date;
      last_attempt_at: Date;
      updated_at: Date;
    }>(
      `SELECT id, delivered_at, finished_at, last_attempt_at, updated_at FROM message
       WHERE id IN (?)`,
      [done.map((d) => d.id)],
    );
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      const expected = done.find((d) => d.id === row.id)?.at.getTime();
      // The history's `delivered` entry is the row's (no stored copy): the API shows it.
      const { history } = await stack.get<{
        history: Array<{ at: string; event: string; reason: string }>;
      }>(`/v1/messages/${row.id}`);
      expect(history.at(-1)).toEqual({
        at: new Date(expected ?? 0).toISOString(),
        event: 'delivered',
        reason: 'IN_WINDOW',
      });
      for (const column of [
        row.delivered_at,
        row.finished_at,
        row.last_attempt_at,
        row.updated_at,
      ]) {
        expect(column.getTime()).toBe(expected);
      }
    }
    const stored = await stack.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM message_event WHERE event = 'delivered' AND message_id IN (?)",
      [done.map((d) => d.id)],
    );
    expect(Number(stored[0]?.n)).toBe(0);
  });

  it('the sweep gives back the messages of a batch whose holder died', async () => {
    await stack.setClock(MONDAY_10);
    expect((await stack.broadcast({ message: 'Swept' })).statusCode).toBe(202);
    const dead = await claim('gone/0', 12, 100);
    expect(dead.messages).toHaveLength(12);
    expect(await releaseStaleLocks(db)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await releaseStaleLocks(db)).toBe(12);
    expect(await stack.query('SELECT id FROM dispatch_batch')).toEqual([]);
    const again = await claim('next/0', 20);
    expect(again.messages.map((m) => m.id).sort()).toEqual(dead.messages.map((m) => m.id).sort());
    await markDelivered(
      db,
      history,
      again.batch ?? '',
      again.messages.map((m) => ({ id: m.id, at: NOW })),
    );
    await closeBatch(db, again.batch ?? '');
  });
});
