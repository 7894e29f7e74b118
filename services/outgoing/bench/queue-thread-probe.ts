/**
 * MariaDB's own CPU per statement of the dispatcher's queue work, measured on the server
 * thread of this probe's one connection (`/proc/<mariadbd>/task/<tid>/schedstat`, ns): the
 * other users of a shared server do not count, as they do in queue-sql-probe.ts's
 * whole-server figure (README, "Benchmarks"). Seeds BENCH_MESSAGES (20,000) due messages,
 * then per batch of 1,000: the claim (its own transaction), `markDelivered` and
 * `closeBatch` — every message delivered at one frozen instant (the test clock, as in
 * bench/run.ts's drain) or, with BENCH_DISTINCT_INSTANTS=1, each at its own millisecond
 * (a real clock). Background threads (purge, flushing) are not counted.
 *
 *   node bench/queue-thread-probe.ts       (MYSQL_URL, BENCH_MESSAGES, BENCH_DISTINCT_INSTANTS,
 *                                           BENCH_SEED_STATUS=scheduled|sending)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mysqlOptions } from '@screenmagic/service-kit';
import { Kysely, MysqlDialect } from 'kysely';
import { createPool } from 'mysql2';
import { createConnection } from 'mysql2/promise';
import type { Database } from '../src/db/database.ts';
import { MessageHistory } from '../src/db/message-history-repository.ts';
import { markDelivered } from '../src/db/message-outcome-repository.ts';
import { claimDueMessages, closeBatch } from '../src/db/message-queue.ts';
import { seedDueMessages } from './support/due-messages.ts';
import { databaseServerPid } from './support/processes.ts';

const MESSAGES = Number(process.env['BENCH_MESSAGES'] ?? 20_000);
const DISTINCT = process.env['BENCH_DISTINCT_INSTANTS'] === '1';
/** `sending` (accepted inside the window, as bench/run.ts's drain) or `scheduled` (the claim moves its index entry). */
const SEED_STATUS: 'scheduled' | 'sending' =
  process.env['BENCH_SEED_STATUS'] === 'scheduled' ? 'scheduled' : 'sending';
const NOW = new Date('2026-11-30T10:00:00.000Z');
const url = new URL(process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306');
const pid = databaseServerPid();
if (pid === undefined) throw new Error('no local MariaDB/MySQL process to measure');
const tids = () => readdirSync(`/proc/${pid}/task`);
const runNs = (tid: string) =>
  Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
const name = `sprobe_${process.pid}`;
const admin = await createConnection(mysqlOptions(url));
await admin.query(`CREATE DATABASE \`${name}\``);
const pool = createPool({ ...mysqlOptions(url, name), connectionLimit: 1 });
let last = 0;
let tid = '';
const spent = new Map<string, { ns: number; n: number }>();
const kind = (sql: string) => sql.replace(/\s+/g, ' ').slice(0, 48);
const db = new Kysely<Database>({
  dialect: new MysqlDialect({ pool }),
  log: (event) => {
    if (!tid) return;
    const now = runNs(tid);
    const k = kind(event.query.sql);
    const s = spent.get(k) ?? { ns: 0, n: 0 };
    s.ns += now - last;
    s.n++;
    spent.set(k, s);
    last = runNs(tid);
  },
});
try {
  await seedDueMessages(db, { count: MESSAGES, now: NOW, status: SEED_STATUS });
  // Find the server thread of our one connection: the one that burns CPU on a BENCHMARK().
  const before = new Map(tids().map((t) => [t, runNs(t)]));
  await (await import('kysely')).sql`SELECT BENCHMARK(3000000, MD5('x'))`.execute(db);
  let best = 0;
  for (const t of tids()) {
    const d = runNs(t) - (before.get(t) ?? runNs(t));
    if (d > best) {
      best = d;
      tid = t;
    }
  }
  last = runNs(tid);
  const history = new MessageHistory({ events: false });
  const total0 = runNs(tid);
  let delivered = 0;
  for (;;) {
    const claimed = await db
      .transaction()
      .setIsolationLevel('read committed')
      .execute((trx) =>
        claimDueMessages(trx, { owner: 'p', now: NOW, limit: 1000, leaseMs: 30_000 }),
      );
    if (claimed.batch === null) break;
    delivered += await markDelivered(
      db,
      history,
      claimed.batch,
      claimed.messages.map((m, i) => ({
        id: m.id,
        at: DISTINCT ? new Date(NOW.getTime() + i) : NOW,
      })),
    );
    await closeBatch(db, claimed.batch);
  }
  const total = runNs(tid) - total0;
  console.log(
    `thread ${tid}: ${delivered} delivered, ${(total / 1000 / delivered).toFixed(1)} µs/message on the connection's thread (distinct instants: ${DISTINCT}, seeded ${SEED_STATUS})`,
  );
  for (const [k, s] of [...spent].sort((a, b) => b[1].ns - a[1].ns))
    console.log(
      `${(s.ns / 1000 / delivered).toFixed(2).padStart(7)} µs/msg  ${String(s.n).padStart(4)}×  ${k}`,
    );
} finally {
  await db.destroy();
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.end();
}
