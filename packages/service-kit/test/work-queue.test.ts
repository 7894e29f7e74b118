import { type Generated, type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManagedDatabase } from '../src/db/managed-database.ts';
import { startHeartbeat } from '../src/queue/heartbeat.ts';
import { WorkQueue } from '../src/queue/work-queue.ts';
import {
  dropTestDatabases,
  testMysqlUrl,
  uniqueDatabasePrefix,
} from '../src/testing/test-databases.ts';

interface Database {
  job: {
    job_id: string;
    due_at: Date | null;
    attempts: Generated<number>;
    locked_by: string | null;
    locked_at: Date | null;
    note: string | null;
  };
}

const migrations = {
  '2026_12_04_0001_create_job': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('job')
        .addColumn('job_id', 'varchar(40)', (c) => c.primaryKey())
        .addColumn('due_at', sql`datetime(3)`)
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_by', 'varchar(64)')
        .addColumn('locked_at', sql`datetime(3)`)
        .addColumn('note', 'varchar(100)')
        .execute();
      await db.schema.createIndex('job_due').on('job').column('due_at').execute();
    },
  },
};

const NOW = new Date('2030-01-07T09:00:00.000Z'); // a test clock far from the real time
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WorkQueue', () => {
  const serverUrl = testMysqlUrl();
  const prefix = uniqueDatabasePrefix('kitqueue');
  const database = new ManagedDatabase<Database>({
    serverUrl,
    database: `${prefix}q`,
    poolSize: 6,
    migrations,
  });
  const queue = new WorkQueue<Database, 'job'>({ table: 'job', key: 'job_id' });
  let db: Kysely<Database>;

  beforeAll(async () => {
    await database.start();
    db = database.db;
  });
  afterAll(async () => {
    await database.close();
    await dropTestDatabases(serverUrl, prefix);
  });

  const seed = async (label: string, count: number, dueAt: Date | null = NOW) => {
    const ids = Array.from({ length: count }, (_, i) => `${label}-${String(i).padStart(3, '0')}`);
    await db
      .insertInto('job')
      .values(
        ids.map((job_id) => ({
          job_id,
          due_at: dueAt,
          locked_by: null,
          locked_at: null,
          note: null,
        })),
      )
      .execute();
    return ids;
  };
  const claim = (owner: string, limit: number, leaseMs?: number) =>
    queue.claim(db, {
      owner,
      now: NOW,
      limit,
      columns: ['job_id', 'note'],
      ...(leaseMs === undefined ? {} : { leaseMs }),
    });
  const rows = (ids: readonly string[]) =>
    db.selectFrom('job').selectAll().where('job_id', 'in', ids).orderBy('job_id').execute();
  const clear = () => db.deleteFrom('job').execute();

  it('gives each due row to one claimer only, while both claim at the same moment', async () => {
    await clear();
    const ids = await seed('ex', 40);
    await seed('later', 3, new Date(NOW.getTime() + 1));
    await seed('unqueued', 2, null);
    // The first claimer's transaction stays open while the second claims: SKIP LOCKED.
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstClaimed!: () => void;
    const claimedByFirst = new Promise<void>((resolve) => (firstClaimed = resolve));
    const first = db
      .transaction()
      .setIsolationLevel('read committed')
      .execute(async (trx) => {
        const got = await queue.claimIn(trx, {
          owner: 'a',
          now: NOW,
          limit: 25,
          columns: ['job_id'],
        });
        firstClaimed();
        await firstHolds;
        return got;
      });
    await claimedByFirst;
    const second = await claim('b', 25);
    releaseFirst();
    const a = (await first).map((r) => r.job_id);
    const b = second.map((r) => r.job_id);
    expect(a).toHaveLength(25);
    expect(b).toHaveLength(15);
    expect(new Set([...a, ...b]).size).toBe(40);
    expect([...a, ...b].sort()).toEqual(ids);
    const stored = await rows(ids);
    expect(stored.every((r) => r.attempts === 1)).toBe(true);
    expect(stored.filter((r) => r.locked_by === 'a').map((r) => r.job_id)).toEqual(a.sort());
    // Nothing left that is due and free: not the future rows, not the unqueued ones.
    expect(await claim('c', 100)).toEqual([]);
  });

  it('stamps the lease on the database clock, not the caller’s', async () => {
    await clear();
    await seed('clk', 1, new Date('2000-01-01T00:00:00.000Z'));
    const [claimed] = await claim('a', 1);
    expect(claimed).toMatchObject({ job_id: 'clk-000', attempts: 1, note: null });
    const [row] = await rows(['clk-000']);
    const dbNow = await sql<{ now: Date }>`SELECT UTC_TIMESTAMP(3) AS now`.execute(db);
    const skew = Math.abs((row?.locked_at?.getTime() ?? 0) - (dbNow.rows[0]?.now.getTime() ?? 0));
    expect(skew).toBeLessThan(5_000);
    expect(row?.locked_at?.getTime()).not.toBe(NOW.getTime());
  });

  it('releases only claims whose lease expired on the database clock, and lets others take them', async () => {
    await clear();
    const ids = await seed('lease', 5);
    await claim('dead', 5);
    expect(await queue.releaseExpired(db, 60_000)).toBe(0);
    expect(await claim('b', 5, 60_000)).toEqual([]);
    await sleep(400);
    // A claim with a lease takes over rows whose lease expired, even before any sweep.
    const takenOver = await claim('b', 2, 300);
    expect(takenOver.map((r) => [r.job_id, r.attempts])).toEqual([
      [ids[0], 2],
      [ids[1], 2],
    ]);
    // The sweep frees the other three (and leaves b's fresh claims alone).
    expect(await queue.releaseExpired(db, 300)).toBe(3);
    const stored = await rows(ids);
    expect(stored.map((r) => r.locked_by)).toEqual(['b', 'b', null, null, null]);
    // The attempt the dead claim counted stays counted.
    expect(stored.map((r) => r.attempts)).toEqual([2, 2, 1, 1, 1]);
  });

  it('says whether a claim would find a row, exactly when the claim would', async () => {
    await clear();
    const any = (leaseMs?: number, now = NOW) =>
      queue.anyClaimable(db, { now, ...(leaseMs === undefined ? {} : { leaseMs }) });
    expect(await any()).toBe(false);
    await seed('later', 2, new Date(NOW.getTime() + 1));
    await seed('unqueued', 1, null);
    expect(await any()).toBe(false); // not due yet, or not queued
    expect(await any(undefined, new Date(NOW.getTime() + 1))).toBe(true);
    await seed('due', 1);
    expect(await any()).toBe(true);
    await claim('a', 1);
    expect(await any()).toBe(false); // held
    expect(await any(60_000)).toBe(false); // held, lease alive
    await sleep(400);
    expect(await any(300)).toBe(true); // its lease expired: a claim with that lease takes it
    expect((await claim('b', 5, 300)).map((row) => row.job_id)).toEqual(['due-000']);
  });

  it('keeps a claim alive while its heartbeat renews the lease', async () => {
    await clear();
    const ids = await seed('beat', 3);
    await claim('alive', 3);
    const leaseMs = 1_000;
    const stop = startHeartbeat({ everyMs: 150, beat: () => queue.renew(db, 'alive', ids) });
    try {
      for (let i = 0; i < 5; i++) {
        await sleep(500);
        expect(await queue.releaseExpired(db, leaseMs)).toBe(0);
        expect(await claim('thief', 3, leaseMs)).toEqual([]);
      }
    } finally {
      stop();
    }
    await sleep(leaseMs + 300);
    expect(await queue.releaseExpired(db, leaseMs)).toBe(3);
  });

  it('lets only the owner finish, release, remove or renew its claims', async () => {
    await clear();
    const ids = await seed('own', 4);
    await claim('a', 4);
    expect(await queue.finish(db, 'b', ids, { note: 'stolen' })).toBe(0);
    expect(await queue.release(db, 'b', ids)).toBe(0);
    expect(await queue.renew(db, 'b', ids)).toBe(0);
    expect(await db.transaction().execute((trx) => queue.remove(trx, 'b', ids))).toEqual([]);
    expect((await rows(ids)).every((r) => r.locked_by === 'a' && r.note === null)).toBe(true);

    const [one, two, three, four] = ids as [string, string, string, string];
    expect(await queue.renew(db, 'a', ids)).toBe(4);
    expect(await queue.finish(db, 'a', [one], { note: 'done', due_at: null })).toBe(1);
    expect(await queue.release(db, 'a', [two])).toBe(1);
    expect(await db.transaction().execute((trx) => queue.remove(trx, 'a', [three]))).toEqual([
      three,
    ]);
    const stored = await rows(ids);
    expect(stored.map((r) => [r.job_id, r.note, r.locked_by, r.attempts])).toEqual([
      [one, 'done', null, 1],
      // Released untouched: the claim's attempt is given back.
      [two, null, null, 0],
      [four, null, 'a', 1],
    ]);
    // Once finished, a second finish by the former owner changes nothing.
    expect(await queue.finish(db, 'a', [one], { note: 'twice' })).toBe(0);
  });
});
