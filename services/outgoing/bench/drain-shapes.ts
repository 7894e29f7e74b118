/**
 * Shapes of the per-message queue state, side by side (docs/decisions.md, "Shapes of the
 * per-message queue state, measured"): BENCH_MESSAGES (100,000) due messages drained to
 * the local sink, in interleaved rounds (BENCH_ROUNDS, 3), by
 *   A  the bare loop (bench/bare-loop.ts): the reference;
 *   B  a prototype with today's SQL shape (batch row + claim UPDATE, completion, history);
 *   C  the rows locked for the batch (one READ COMMITTED transaction, no lease write);
 *   D  C without the `delivered` history row (the view would read delivered_at);
 *   E  D whose completion sets only status, due_at, delivered_at and attempts;
 *   G  B without the `delivered` history row (the lease kept);
 *   H  one outcome per batch: the claim takes the rows out of the due index, the completion
 *      writes the batch row only (no per-message completion write);
 *   I  H with its fold: the finished batch's outcome written into its messages (and the
 *      batch row deleted) right after it — what H's readers and bounded batch table need;
 * (B–G: bench/support/shape-loop.ts, BENCH_WORKERS loops, 32 POSTs in flight). Prints, per
 * shape, medians of messages/s, the ratio to A in the same round, and the CPU per message
 * of the loop, the sink, the whole MariaDB server and the loop's own MariaDB threads.
 * 127.0.0.1 only; drops its database.
 *
 *   node bench/drain-shapes.ts     (MYSQL_URL, BENCH_MESSAGES, BENCH_WORKERS, BENCH_ROUNDS,
 *                                   BENCH_SHAPES=A,B,C,D,E,G; H and I on request)
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { mysqlOptions } from '@screenmagic/service-kit';
import { Kysely, MysqlDialect } from 'kysely';
import { createPool } from 'mysql2';
import { createConnection } from 'mysql2/promise';
import type { Database } from '../src/db/database.ts';
import { seedDueMessages } from './support/due-messages.ts';
import {
  type Child,
  cpuSeconds,
  databaseServerPid,
  freePort,
  startChild,
  waitUntilReady,
} from './support/processes.ts';

const MESSAGES = Number(process.env['BENCH_MESSAGES'] ?? 100_000);
const WORKERS = Number(process.env['BENCH_WORKERS'] ?? 2);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const SHAPES = (process.env['BENCH_SHAPES'] ?? 'A,B,C,D,E,G').split(',');
const NOW = new Date('2026-11-30T10:00:00.000Z');
const SECRET = 'bench-secret';
/** No run may take longer (a stalled shape fails the bench instead of hanging it). */
const RUN_LIMIT_MS = 20 * 60_000;
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const mysqlUrl = new URL(process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306');
if (!['127.0.0.1', 'localhost'].includes(mysqlUrl.hostname))
  throw new Error('drain-shapes runs against a local MariaDB only');
const name = `oshapes_${process.pid}`;

interface Run {
  shape: string;
  round: number;
  ms: number;
  /** CPU seconds during the drain: the loop, the sink, the whole MariaDB server, the loop's own MariaDB threads; `process`: the loop's whole life (start-up included). */
  cpu: { loop: number; process: number; sink: number; database: number; threads: number };
}

const admin = await createConnection(mysqlOptions(mysqlUrl));
await admin.query(`CREATE DATABASE \`${name}\``);
const db = new Kysely<Database>({
  dialect: new MysqlDialect({
    pool: createPool({ ...mysqlOptions(mysqlUrl, name), connectionLimit: 1 }),
  }),
});
const children: Child[] = [];
const load = [loadavg()];
try {
  await seedDueMessages(db, { count: MESSAGES, now: NOW, status: 'sending' });
  const port = await freePort();
  const sink = startChild('sink', here('./webhook-sink.ts'), { PORT: String(port) });
  children.push(sink);
  const sinkUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${sinkUrl}/stats`);
  if (databaseServerPid() === undefined) throw new Error('no local MariaDB to measure');

  const drain = async (shape: string, round: number): Promise<Run> => {
    // Every message due again, as seeded; no history, no batch.
    await admin.query(
      `UPDATE \`${name}\`.message SET status = 'sending', status_reason = NULL, due_at = ?,
         batch_id = NULL, delivered_at = NULL, finished_at = NULL, last_attempt_at = NULL,
         updated_at = ?, attempts = 0`,
      [NOW, NOW],
    );
    await admin.query(`DELETE FROM \`${name}\`.message_event`);
    await admin.query(`DELETE FROM \`${name}\`.dispatch_batch`);
    await fetch(`${sinkUrl}/reset?delayMs=0`, { method: 'POST' });
    const sink0 = cpuSeconds(sink.process.pid);
    const child = startChild(
      `shape ${shape}`,
      shape === 'A' ? here('./bare-loop.ts') : here('./support/shape-loop.ts'),
      {
        MYSQL_URL: mysqlUrl.href,
        BENCH_DATABASE: name,
        BENCH_IN_FLIGHT: '32',
        BENCH_WORKERS: String(WORKERS),
        BENCH_NOW: NOW.toISOString(),
        SHAPE: shape,
        DELIVERY_WEBHOOK_URL: `${sinkUrl}/hook`,
        DELIVERY_WEBHOOK_SECRET: SECRET,
      },
    );
    children.push(child);
    let output = '';
    child.process.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let self = 0;
    // Sampled until it exits: its own CPU (a gone process has no /proc entry).
    const sampler = setInterval(() => {
      const seconds = cpuSeconds(child.process.pid);
      if (!Number.isNaN(seconds)) self = seconds;
    }, 20);
    const limit = setTimeout(() => child.process.kill('SIGKILL'), RUN_LIMIT_MS);
    const code = await new Promise<number | null>((resolve) => child.process.once('exit', resolve));
    clearInterval(sampler);
    clearTimeout(limit);
    children.splice(children.indexOf(child), 1);
    const sinkCpu = cpuSeconds(sink.process.pid) - sink0;
    const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {
      sent?: number;
      ms?: number;
      dbThreadNs?: number;
      cpuUs?: number;
      serverSeconds?: number;
    };
    const stats = (await (await fetch(`${sinkUrl}/stats`)).json()) as { unique: number };
    if (code !== 0 || result.sent !== MESSAGES || stats.unique !== MESSAGES)
      throw new Error(
        `shape ${shape}: exit ${String(code)}, sent ${String(result.sent)}, sink saw ${stats.unique}`,
      );
    const [left] = await admin.query(
      `SELECT COUNT(*) AS n FROM \`${name}\`.message WHERE due_at IS NOT NULL`,
    );
    if (shape !== 'A' && Number((left as { n: number }[])[0]?.n) !== 0)
      throw new Error(`shape ${shape} left messages due`);
    return {
      shape,
      round,
      ms: result.ms ?? Number.NaN,
      cpu: {
        loop: (result.cpuUs ?? Number.NaN) / 1e6,
        process: self,
        sink: sinkCpu,
        database: result.serverSeconds ?? Number.NaN,
        threads: shape === 'A' ? Number.NaN : (result.dbThreadNs ?? Number.NaN) / 1e9,
      },
    };
  };

  const runs: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved, the order turned each round: no shape always runs first or last.
    const order = SHAPES.map((_, i) => SHAPES[(i + round) % SHAPES.length] ?? 'A');
    for (const shape of order) {
      const run = await drain(shape, round);
      runs.push(run);
      process.stderr.write(
        `round ${round + 1} ${shape}: ${run.ms.toFixed(0)} ms, load ${loadavg()[0]?.toFixed(2)}\n`,
      );
    }
    load.push(loadavg());
  }
  report(runs);
} finally {
  await Promise.all(children.map((child) => child.stop()));
  await db.destroy();
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.end();
}

function report(runs: Run[]): void {
  const median = (values: number[]): number => {
    const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    if (sorted.length === 0) return Number.NaN;
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2
      ? (sorted[mid] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  };
  const us = (seconds: number) =>
    Number.isNaN(seconds) ? '–' : ((seconds * 1e6) / MESSAGES).toFixed(1);
  const bare = (round: number) => runs.find((r) => r.shape === 'A' && r.round === round);
  console.log(
    `\n### Drain shapes: ${MESSAGES} due messages, ${WORKERS} workers, ${ROUNDS} interleaved rounds (medians)\n`,
  );
  console.log(
    `Load average (1/5/15 min) at start and after each round: ${load.map((l) => l.map((x) => x.toFixed(1)).join('/')).join(' → ')}\n`,
  );
  console.log(
    'CPU µs per message during the drain; "its MariaDB threads": the server threads of the loop\'s own connections; total = loop + sink + whole server; "process": the loop\'s whole life, start-up included.\n',
  );
  console.log(
    '| shape | msg/s | × bare loop (same round) | loop | sink | MariaDB (whole server) | its MariaDB threads | total | loop process |',
  );
  console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const shape of SHAPES) {
    const mine = runs.filter((r) => r.shape === shape);
    const rate = median(mine.map((r) => (MESSAGES / r.ms) * 1000));
    const ratio = median(mine.map((r) => (bare(r.round)?.ms ?? Number.NaN) / r.ms));
    const cpu = (key: keyof Run['cpu']) => median(mine.map((r) => r.cpu[key]));
    console.log(
      `| ${shape} | ${rate.toFixed(0)} | ${ratio.toFixed(2)} | ${us(cpu('loop'))} | ${us(cpu('sink'))} | ${us(cpu('database'))} | ${us(cpu('threads'))} | ${us(median(mine.map((r) => r.cpu.loop + r.cpu.sink + r.cpu.database)))} | ${us(cpu('process'))} |`,
    );
  }
}
