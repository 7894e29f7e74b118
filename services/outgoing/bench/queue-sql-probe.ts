/**
 * The queue's database cost alone (README, "Benchmarks"): seeds BENCH_MESSAGES due
 * messages (100,000) in a throw-away database, then drains them with the dispatcher's own
 * statements — `claimDueMessages` (SELECT … FOR UPDATE SKIP LOCKED, the batch's lease row
 * and the UPDATE pointing the messages to it) and `markDelivered` + `closeBatch` — in batches of 1,000, with no HTTP, no customer lookup and no
 * window check, by 1 and then 2 concurrent claimers. Prints MariaDB's CPU per message for
 * each statement (read from /proc around each one, summed) and this process's.
 *
 *   node bench/queue-sql-probe.ts          (MYSQL_URL, BENCH_MESSAGES, BENCH_DISTINCT_INSTANTS=1)
 */
import { mysqlOptions } from '@screenmagic/service-kit';
import { Kysely, MysqlDialect } from 'kysely';
import { createPool } from 'mysql2';
import { createConnection } from 'mysql2/promise';
import type { Database } from '../src/db/database.ts';
import { MessageHistory } from '../src/db/message-history-repository.ts';
import { markDelivered } from '../src/db/message-outcome-repository.ts';
import { claimDueMessages, closeBatch } from '../src/db/message-queue.ts';
import { seedDueMessages } from './support/due-messages.ts';
import { cpuSeconds, databaseServerPid } from './support/processes.ts';

const MESSAGES = Number(process.env['BENCH_MESSAGES'] ?? 100_000);
const BATCH = 1_000;
/** Each delivery its own millisecond, as the dispatcher's real clock gives them (else one instant, as the bench's test clock). */
const DISTINCT = process.env['BENCH_DISTINCT_INSTANTS'] === '1';
const NOW = new Date('2026-11-30T10:00:00.000Z');
const url = new URL(process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306');
const databasePid = databaseServerPid();
if (databasePid === undefined) throw new Error('no local MariaDB/MySQL process to measure');

async function drain(claimers: number): Promise<void> {
  const name = `qprobe_${process.pid}_${claimers}`;
  const admin = await createConnection(mysqlOptions(url));
  await admin.query(`CREATE DATABASE \`${name}\``);
  const db = new Kysely<Database>({
    dialect: new MysqlDialect({
      pool: createPool({ ...mysqlOptions(url, name), connectionLimit: 4 }),
    }),
  });
  try {
    await seedDueMessages(db, { count: MESSAGES, now: NOW, status: 'sending' });
    const spent = { claim: 0, complete: 0 };
    const total = cpuSeconds(databasePid);
    const self = process.cpuUsage();
    const started = performance.now();
    let delivered = 0;
    await Promise.all(
      Array.from({ length: claimers }, async (_, worker) => {
        const owner = `probe/${worker}`;
        for (;;) {
          let mark = cpuSeconds(databasePid);
          const claimed = await db
            .transaction()
            .setIsolationLevel('read committed')
            .execute((trx) =>
              claimDueMessages(trx, { owner, now: NOW, limit: BATCH, leaseMs: 30_000 }),
            );
          spent.claim += cpuSeconds(databasePid) - mark;
          if (claimed.batch === null) return;
          mark = cpuSeconds(databasePid);
          const marked = await markDelivered(
            db,
            new MessageHistory({ events: false }),
            claimed.batch,
            claimed.messages.map((message, i) => ({
              id: message.id,
              at: DISTINCT ? new Date(NOW.getTime() + i) : NOW,
            })),
          );
          await closeBatch(db, claimed.batch);
          spent.complete += cpuSeconds(databasePid) - mark;
          delivered += marked;
        }
      }),
    );
    const ms = performance.now() - started;
    const own = process.cpuUsage(self);
    const perMessage = (seconds: number) => `${((seconds * 1e6) / delivered).toFixed(0)} µs`;
    if (delivered !== MESSAGES) throw new Error(`drained ${delivered} of ${MESSAGES}`);
    // With two claimers the statements overlap: their /proc windows count each other's
    // work, so only the total is exact there.
    console.log(
      `| ${claimers} | ${Math.round((delivered / ms) * 1000).toLocaleString('en-US')} | ` +
        `${claimers === 1 ? perMessage(spent.claim) : '–'} | ${claimers === 1 ? perMessage(spent.complete) : '–'} | ` +
        `${perMessage(cpuSeconds(databasePid) - total)} | ${perMessage((own.user + own.system) / 1e6)} |`,
    );
  } finally {
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}

console.log(
  `\n### The queue's database work alone: ${MESSAGES.toLocaleString('en-US')} messages, batches of ${BATCH}\n`,
);
console.log(
  '| claimers | messages/s | MariaDB: claim | MariaDB: completion | MariaDB: total | Node (kysely, mysql2) |',
);
console.log('|---:|---:|---:|---:|---:|---:|');
await drain(1);
await drain(2);
