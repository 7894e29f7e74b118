import { mysqlOptions } from '@screenmagic/service-kit';
import type { CustomerDirectory } from '@screenmagic/service-kit/contracts';
import { testMysqlUrl } from '@screenmagic/service-kit/testing';
import { Kysely, MysqlDialect } from 'kysely';
import { createPool } from 'mysql2';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { CustomerReplica } from '../src/workers/customer-replica.ts';
import { OutgoingStack } from './support/outgoing-stack.ts';

const POLL_MS = 100;
const BOUND_MS = 800;

/**
 * The replica rests on the calendar watch's change head between polls of its own
 * (docs/decisions.md, "Wake-ups"): a replica at the head the customer service published is
 * proven fresh without asking the feed; a head beyond it makes it ask at once; without
 * heads it asks every poll interval while it is read, and not at all when nobody reads it —
 * the next read asks first. A `CustomerReplica` on the stack's own
 * outgoing database (filled by the stack), its feed a directory that counts the calls.
 */
describe('the customer replica between polls of its own', () => {
  let stack: OutgoingStack;
  let db: Kysely<Database>;

  beforeAll(async () => {
    stack = await OutgoingStack.start('headproof');
    db = new Kysely<Database>({
      dialect: new MysqlDialect({
        pool: createPool(mysqlOptions(testMysqlUrl(), `${stack.prefix}outgoing`)),
      }),
    });
    // The stack's own replica has filled the table and stored its cursor.
    for (let tries = 0; ; tries++) {
      if ((await stack.query('SELECT applied_seq FROM customer_replica_state')).length === 1) break;
      if (tries === 100) throw new Error('the stack never stored a replica cursor');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(async () => {
    await db?.destroy();
    await stack?.close();
  });

  /** A started replica whose feed answers "nothing after the cursor"; `asked` counts the calls. */
  const startReplica = async () => {
    const feed = { asked: 0, down: false, delayMs: 0 };
    const directory = {
      replicaChanges: (after: string) => {
        feed.asked++;
        // Down: a call that hangs until its client's bound (1 s here) gives up.
        if (feed.down) {
          return new Promise((_, reject) => setTimeout(() => reject(new Error('hung')), 1_000));
        }
        const answer = { items: [], lastSeq: after, more: false };
        if (feed.delayMs > 0) {
          return new Promise((resolve) => setTimeout(() => resolve(answer), feed.delayMs));
        }
        return Promise.resolve(answer);
      },
    } as unknown as CustomerDirectory;
    const replica = new CustomerReplica({
      db,
      directory,
      maxStalenessMs: BOUND_MS,
      pollIntervalMs: POLL_MS,
    });
    await replica.sync();
    const [row] = await stack.query<{ applied_seq: string }>(
      'SELECT applied_seq FROM customer_replica_state',
    );
    const cursor = String(row?.applied_seq);
    // The head is known before the loop starts: no poll of it is under way when a test
    // begins counting the feed's calls (one begun without a head would ask, a moment later).
    replica.headSeen(cursor, performance.now());
    replica.start();
    onTestFinished(() => replica.stop());
    return { replica, feed, cursor };
  };

  /** Calls `each` every `everyMs` for `forMs`, checking `check` after each call. */
  const during = async (forMs: number, everyMs: number, each: () => void, check: () => void) => {
    const until = performance.now() + forMs;
    while (performance.now() < until) {
      each();
      check();
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  };

  it('is proven by each head at its cursor, without asking the feed, for as long as heads come', async () => {
    const { replica, feed, cursor } = await startReplica();
    const before = feed.asked;
    // Heads every 50 ms for 2.5 s: three bounds, twenty-five poll intervals.
    await during(
      2_500,
      50,
      () => replica.headSeen(cursor, performance.now()),
      () => expect(replica.freshness().fresh).toBe(true),
    );
    expect(feed.asked - before).toBe(0);
  });

  it('asks the feed at once for a head beyond its cursor, and every poll interval once heads stop', async () => {
    const { replica, feed, cursor } = await startReplica();
    replica.headSeen(cursor, performance.now());
    let before = feed.asked;
    replica.headSeen(`${BigInt(cursor) + 1n}`, performance.now());
    await expect
      .poll(() => feed.asked, { timeout: POLL_MS * 5, interval: 10 })
      .toBeGreaterThan(before);
    // No more heads: its own polls keep it fresh, one every two intervals or so.
    before = feed.asked;
    await during(
      1_000,
      50,
      () => undefined,
      () => expect(replica.freshness().fresh).toBe(true),
    );
    expect(feed.asked - before).toBeGreaterThanOrEqual(3);
  });

  it('rests at its head when nobody reads it, and a read proves it first with one call to the feed', async () => {
    const customer = await stack.addCustomer({
      name: 'Head Proof Reader',
      workingHours: { start: '00:00', end: '24:00' },
      timeZone: 'UTC',
    });
    // The stack's own replica applies the creation to the shared table.
    await expect
      .poll(
        async () =>
          (await stack.query('SELECT id FROM customer_replica WHERE id = ?', [customer.id])).length,
        {
          timeout: 10_000,
          interval: 50,
        },
      )
      .toBe(1);
    const { replica, feed, cursor } = await startReplica();
    replica.headSeen(cursor, performance.now());
    const before = feed.asked;
    // Three bounds without heads or reads: no call, and no proof either.
    await new Promise((resolve) => setTimeout(resolve, 3 * BOUND_MS));
    expect(feed.asked - before).toBe(0);
    expect(replica.freshness()).toMatchObject({ fresh: false, reason: 'STALE' });

    const read = await replica.byIds([customer.id]);
    expect(feed.asked - before).toBe(1);
    expect([...read.customers.keys()]).toEqual([customer.id]);
    expect(replica.freshness().fresh).toBe(true);
    // Read now, it proves itself again while no heads come: about every two intervals.
    const afterRead = feed.asked;
    await new Promise((resolve) => setTimeout(resolve, 10 * POLL_MS));
    expect(feed.asked - afterRead).toBeGreaterThanOrEqual(2);
  });

  it('asks the feed once for a read, even when a poll of its own falls due while that call runs', async () => {
    const { replica, feed, cursor } = await startReplica();
    replica.headSeen(cursor, performance.now());
    await new Promise((resolve) => setTimeout(resolve, BOUND_MS + 100));
    // The loops sleep on a grid of the interval (multiples of 100 ms, monotonic): the read
    // begins 30 ms before the next instant of it and its call takes 60 ms, so the replica's
    // own poll falls due while the read's catch-up runs and queues behind it. That poll
    // finds the replica just proven: it must not ask again.
    const nextTick = Math.ceil(performance.now() / POLL_MS) * POLL_MS + POLL_MS;
    await new Promise((resolve) => setTimeout(resolve, nextTick - 30 - performance.now()));
    feed.delayMs = 60;
    const before = feed.asked;
    // No recipients: none unknown to it (an unknown one would make it ask again, rightly).
    await replica.byIds([]);
    expect(feed.asked - before).toBe(1);
    // Its own poll, queued behind the read's, has run by now (it needs no database to rest).
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(feed.asked - before).toBe(1);
    expect(replica.freshness().fresh).toBe(true);
  });

  it('fails closed when it rested and the feed does not answer the read', async () => {
    const { replica, feed, cursor } = await startReplica();
    replica.headSeen(cursor, performance.now());
    await new Promise((resolve) => setTimeout(resolve, BOUND_MS + 100));
    feed.down = true;
    const started = performance.now();
    await expect(replica.byIds(['anyone'])).rejects.toThrow(/has not reached/);
    // It waited at most about one poll interval for the feed, not for the call's own bound.
    expect(performance.now() - started).toBeLessThan(POLL_MS * 5);
  });
});
