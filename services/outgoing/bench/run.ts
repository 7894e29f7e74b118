/**
 * The outgoing service's benchmarks, side by side in one run (README, "Benchmarks"):
 *
 * 1. A broadcast to every one of BENCH_CUSTOMERS (100,000) customers: time from the
 *    request to the 202 (recipients walked from the real customer service, decided, all
 *    rows stored in one transaction), the service's peak RSS; against raw mysql2
 *    multi-row inserts of the same rows (1,000 a statement, one transaction) and
 *    `INSERT … SELECT` (the database's floor), on the same database.
 * 2. A drain of those messages, all due, to a local webhook sink, with 1, 2 and 4
 *    dispatcher workers; against a bare loop that POSTs the same rows to the same sink.
 *    Then the same with 2 workers against a receiver that answers after
 *    BENCH_RECEIVER_MS (10; 0 skips it), as a real one does.
 * 3. What an idle dispatcher costs, by poll interval.
 *
 * Everything runs on 127.0.0.1 (the customer and outgoing services and the sink as child
 * processes, as in production), stops by itself, and drops its databases at the end.
 *
 *   pnpm --filter @screenmagic/outgoing bench      (MYSQL_URL, BENCH_CUSTOMERS, BENCH_ROUNDS,
 *                                                   BENCH_ONLY, BENCH_WORKERS, BENCH_RECEIVER_MS,
 *                                                   BENCH_BASELINE_SERVER, BENCH_SCHEDULES,
 *                                                   BENCH_IDLE=0 skips the idle part)
 *
 * (`pnpm bench` here also runs bench/queue-sql-probe.ts: the queue's SQL alone.)
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { mysqlOptions } from '@screenmagic/service-kit';
import { createConnection } from 'mysql2/promise';
import {
  type Child,
  cpuSeconds,
  databaseServerPid,
  freePort,
  startChild,
  waitUntilReady,
} from './support/processes.ts';
import { seedCustomers } from './support/seed.ts';

const CUSTOMERS = Number(process.env['BENCH_CUSTOMERS'] ?? 100_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
/** Dispatcher workers per drain run; `BENCH_WORKERS=4` (a comma list) while tuning. */
const WORKERS = (process.env['BENCH_WORKERS'] ?? '1,2,4').split(',').map(Number);
/** A second drain against a receiver that answers after this many ms (0: skip it). */
const RECEIVER_MS = Number(process.env['BENCH_RECEIVER_MS'] ?? 10);
/** `broadcast` or `drain` runs only that part (while tuning). */
const ONLY = process.env['BENCH_ONLY'];
/** `distinct`: every customer a schedule of their own (support/seed.ts); default five. */
const SCHEDULES = process.env['BENCH_SCHEDULES'] === 'distinct' ? 'distinct' : 'five';
/** Another build's `src/server.ts` whose broadcast is timed beside this one's. */
const BASELINE_SERVER = process.env['BENCH_BASELINE_SERVER'];
/** Extra NODE_OPTIONS for the outgoing service's processes (e.g. heap flags). */
const SERVICE_NODE_OPTIONS = process.env['BENCH_SERVICE_NODE_OPTIONS'];
/** Drains of this build and BENCH_BASELINE_SERVER's, side by side (with a baseline only). */
const DRAIN_PAIRS = Number(process.env['BENCH_DRAIN_PAIRS'] ?? 1);
/** The drain's `DISPATCH_BATCH_SIZE` (unset: the service's default). */
const BATCH_SIZE = process.env['BENCH_BATCH_SIZE'];
/** The outgoing service runs with the Node flags of its `start` script, as in production. */
const SERVICE_NODE_FLAGS =
  (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      scripts: { start: string };
    }
  ).scripts.start.match(/--[\w-]+=\S+/g) ?? [];
// Monday 30 November 2026, 10:00 London: the business is open, and every seeded customer.
const NOW = '2026-11-30T10:00:00.000Z';
// A minute earlier: every seeded window is open, and nothing broadcast at NOW is due yet.
const BEFORE_NOW = '2026-11-30T09:59:00.000Z';
const SECRET = 'bench-secret';
/** Acceptance target (issue 15): the 202 in at most this many times the floor. */
const FLOOR_TARGET = 2;
/**
 * Each message's first history row, as acceptance writes it (`MessageHistory`, from-status);
 * the table holds only the rows just written.
 */
const HISTORY_FLOOR = `
  INSERT INTO message_event (message_id, at, event, reason, scheduled_for, detail)
  SELECT m.id, m.updated_at, CASE m.status WHEN 'sending' THEN 'scheduled' ELSE m.status END,
         COALESCE(m.status_reason, 'IN_WINDOW'), m.scheduled_for, m.status_detail
  FROM message m`;

const mysqlUrl = new URL(process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306');
// Not `bench_…`: other packages' benchmarks clean up databases by that prefix.
const prefix = `obench_${process.pid}_`;
const customerDb = `${prefix}customer`;
const outgoingDb = `${prefix}outgoing`;
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const CUSTOMER_SERVER = here('../../customer/src/server.ts');
const OUTGOING_SERVER = here('../src/server.ts');

// The services ask each other (and this bench) for it on /internal/*.
const internalToken = `obench-internal-${randomBytes(12).toString('hex')}`;

const baseEnv: Record<string, string> = {
  MYSQL_URL: mysqlUrl.href,
  MYSQL_DATABASE_PREFIX: prefix,
  HOST: '127.0.0.1',
  INTERNAL_TOKEN: internalToken,
  LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
  TEST_CLOCK: '1',
  // Every process starts on the bench's clock, never on the real time of day (a window
  // closed at the real time would reschedule messages a week ahead, and the drain hang).
  TEST_CLOCK_START: NOW,
  NODE_ENV: 'development',
  BUSINESS_CALENDAR: JSON.stringify({
    timeZone: 'Europe/London',
    start: '09:00',
    end: '18:00',
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  }),
};

const children: Child[] = [];

/** A child that dies under the bench (or a signal to the bench) ends the run, cleanly. */
function abort(message: string): void {
  process.stderr.write(`\nbench aborted: ${message}\n`);
  void cleanUp().finally(() => process.exit(1));
}
process.once('SIGINT', () => abort('SIGINT'));
process.once('SIGTERM', () => abort('SIGTERM'));

let cleaned: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaned ??= (async () => {
    for (const child of [...children].reverse()) await child.stop();
    const connection = await createConnection(mysqlOptions(mysqlUrl));
    for (const name of [customerDb, outgoingDb])
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await connection.end();
  })();
  return cleaned;
}
const ms = (from: number) => performance.now() - from;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const fmt = (value: number) => `${Math.round(value).toLocaleString('en-US')}`;

async function startService(
  name: string,
  script: string,
  env: Record<string, string>,
): Promise<{ child: Child; url: string }> {
  const port = await freePort();
  const child = startChild(
    name,
    script,
    {
      ...baseEnv,
      ...env,
      PORT: String(port),
      ...(SERVICE_NODE_OPTIONS && script === OUTGOING_SERVER
        ? { NODE_OPTIONS: SERVICE_NODE_OPTIONS }
        : {}),
    },
    abort,
    script === OUTGOING_SERVER || script === BASELINE_SERVER ? SERVICE_NODE_FLAGS : [],
  );
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${url}/readyz`, { timeoutMs: 60_000 });
  return { child, url };
}

async function post(
  url: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    // The token matters on /internal/* only; the public routes ignore it.
    headers: { 'content-type': 'application/json', authorization: `Bearer ${internalToken}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(300_000),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function stopChild(child: Child): Promise<void> {
  await child.stop();
  children.splice(children.indexOf(child), 1);
}

async function main(): Promise<void> {
  console.log(
    `outgoing bench: ${CUSTOMERS.toLocaleString('en-US')} customers, ${ROUNDS} rounds, node ${process.version}, ` +
      `service flags ${SERVICE_NODE_FLAGS.join(' ') || '(none)'}${SERVICE_NODE_OPTIONS ? ` + ${SERVICE_NODE_OPTIONS}` : ''}, load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  const customer = await startService('customer', CUSTOMER_SERVER, {});
  const customerConnection = await createConnection(mysqlOptions(mysqlUrl, customerDb));
  let started = performance.now();
  await seedCustomers(customerConnection, CUSTOMERS, SCHEDULES);
  await customerConnection.end();
  console.log(
    `seeded ${CUSTOMERS.toLocaleString('en-US')} customers (${SCHEDULES === 'five' ? 'five schedules' : 'every schedule distinct'}) in ${fmt(ms(started))} ms`,
  );

  // ---- 1. Broadcast to everyone vs raw inserts vs INSERT … SELECT ----
  const api = await startService('outgoing', OUTGOING_SERVER, {
    DISPATCHER: 'off',
    CUSTOMER_SERVICE_URL: customer.url,
  });
  await post(`${api.url}/internal/test/clock`, { now: NOW });
  // Another build of the service (BENCH_BASELINE_SERVER: its src/server.ts), timed in the
  // same rounds: before/after side by side on a shared machine.
  const baseline = BASELINE_SERVER
    ? await startService('baseline', BASELINE_SERVER, {
        DISPATCHER: 'off',
        CUSTOMER_SERVICE_URL: customer.url,
      })
    : undefined;
  if (baseline) await post(`${baseline.url}/internal/test/clock`, { now: NOW });
  const db = await createConnection({
    ...mysqlOptions(mysqlUrl, outgoingDb),
    multipleStatements: false,
  });
  const idleRss = api.child.rssMiB();
  // CPU seconds (MariaDB + the services) of the 202 and of the floor: less at the mercy of
  // other work on a shared machine than wall time (MariaDB's includes other clients').
  const cpuTimes = { service: [] as number[], floor: [] as number[] };
  const times = {
    service: [] as number[],
    preview: [] as number[],
    raw: [] as number[],
    floor: [] as number[],
    baseline: [] as number[],
  };
  let snapshot:
    { columns: string[]; rows: unknown[][]; broadcast: Record<string, unknown> } | undefined;

  const rounds = ONLY === 'drain' ? 1 : ROUNDS;
  // Once, untimed: the replica's first fill (a walk of every customer), which a running
  // service has long done; the timed rounds then pay only the catch-up with the feed.
  started = performance.now();
  const warm = await post(`${api.url}/v1/broadcasts/preview`, { message: 'Bench message' });
  if (warm.status !== 200)
    throw new Error(`warm-up preview answered ${warm.status}: ${JSON.stringify(warm.json)}`);
  console.log(`customer replica filled (untimed warm-up preview) in ${fmt(ms(started))} ms`);

  for (let round = 0; round < rounds; round++) {
    await db.query('TRUNCATE TABLE message');
    await db.query('TRUNCATE TABLE message_event');
    await db.query('TRUNCATE TABLE broadcast');
    // The preview of the same broadcast first (SPEC §5: it must answer in <= 1x the
    // broadcast's time): it walks and decides every recipient, stores nothing.
    started = performance.now();
    const previewed = await post(`${api.url}/v1/broadcasts/preview`, { message: 'Bench message' });
    times.preview.push(ms(started));
    if (previewed.status !== 200 || previewed.json['recipientCount'] !== CUSTOMERS) {
      throw new Error(
        `preview answered ${previewed.status}: ${JSON.stringify(previewed.json).slice(0, 300)}`,
      );
    }
    started = performance.now();
    let cpu = cpuMeter({ outgoing: api.child, customer: customer.child });
    const accepted = await post(`${api.url}/v1/broadcasts`, { message: 'Bench message' });
    times.service.push(ms(started));
    cpuTimes.service.push(sumCpu(cpu()));
    if (accepted.status !== 202 || accepted.json['recipientCount'] !== CUSTOMERS) {
      throw new Error(
        `broadcast answered ${accepted.status}: ${JSON.stringify(accepted.json).slice(0, 300)}`,
      );
    }
    const [[count]] = (await db.query('SELECT COUNT(*) AS n FROM message')) as unknown as [
      [{ n: number }],
    ];
    if (Number(count.n) !== CUSTOMERS) throw new Error(`202 but ${count.n} rows stored`);

    if (!snapshot) {
      const [rows, fields] = await db.query({
        sql: 'SELECT * FROM message ORDER BY id',
        rowsAsArray: true,
      });
      const [[broadcast]] = (await db.query('SELECT * FROM broadcast')) as unknown as [
        [Record<string, unknown>],
      ];
      snapshot = { columns: fields.map((f) => f.name), rows: rows as unknown[][], broadcast };
    }

    if (ONLY === 'drain') break;
    if (baseline) {
      for (const table of ['message', 'message_event', 'broadcast'])
        await db.query(`TRUNCATE TABLE ${table}`);
      started = performance.now();
      const answer = await post(`${baseline.url}/v1/broadcasts`, { message: 'Bench message' });
      if (answer.status !== 202) throw new Error(`baseline answered ${answer.status}`);
      times.baseline.push(ms(started));
    }
    await db.query('TRUNCATE TABLE message');
    await db.query('TRUNCATE TABLE message_event');
    started = performance.now();
    await db.beginTransaction();
    for (let i = 0; i < snapshot.rows.length; i += 1_000) {
      await db.query(`INSERT INTO message (${snapshot.columns.join(',')}) VALUES ?`, [
        snapshot.rows.slice(i, i + 1_000),
      ]);
    }
    await db.query(HISTORY_FLOOR);
    await db.commit();
    times.raw.push(ms(started));

    await db.query('TRUNCATE TABLE message');
    await db.query('TRUNCATE TABLE message_event');
    started = performance.now();
    cpu = cpuMeter({});
    // "The same rows" (docs/decisions.md): every message with the columns the service
    // writes, and its first history row, in one transaction, straight from the customers.
    await db.beginTransaction();
    await db.query(
      `INSERT INTO message (id, kind, broadcast_id, customer_id, customer_name, time_zone,
         hold_to_window, category, status, status_reason, status_detail, scheduled_for, due_at,
         expires_at, local_day, attempts, created_at, updated_at)
       SELECT CONCAT('msg_', SUBSTRING(c.id, 5)), 'broadcast', 'brd_floor', c.id, c.name,
              c.time_zone, 1, 'marketing', 'sending', 'IN_WINDOW', NULL, ?, ?, NULL, '2026-11-30',
              0, ?, ?
       FROM \`${customerDb}\`.customer c`,
      [new Date(NOW), new Date(NOW), new Date(NOW), new Date(NOW)],
    );
    await db.query(HISTORY_FLOOR);
    await db.commit();
    times.floor.push(ms(started));
    cpuTimes.floor.push(sumCpu(cpu()));
  }
  const peakRss = api.child.peakRssMiB();
  await stopChild(api.child);
  if (baseline) {
    await stopChild(baseline.child);
    const ratio = median(times.baseline) / median(times.floor);
    console.log(
      `baseline (${BASELINE_SERVER}): 202 in ${fmt(median(times.baseline))} ms = ${ratio.toFixed(2)}x the floor; rounds ${times.baseline.map(fmt).join(', ')}`,
    );
  }

  if (ONLY !== 'drain') reportBroadcast(times, idleRss, peakRss);
  if (ONLY !== 'drain') {
    const service = median(cpuTimes.service);
    const floor = median(cpuTimes.floor);
    console.log(
      `CPU (MariaDB + outgoing + customer service), median: 202 ${fmt(service * 1000)} ms, floor ${fmt(floor * 1000)} ms = ${(service / floor).toFixed(2)}x; ` +
        `per round ${cpuTimes.service.map((c, i) => (c / (cpuTimes.floor[i] ?? NaN)).toFixed(2)).join(', ')}`,
    );
  }
  if (ONLY === 'broadcast') return;

  // ---- 2. Drain to a webhook sink: 1, 2, 4 workers vs a bare loop ----
  if (!snapshot) throw new Error('no snapshot');
  const rows = snapshot;
  const restore = async () => {
    await db.query('TRUNCATE TABLE message');
    await db.query('TRUNCATE TABLE broadcast');
    await db.query('INSERT INTO broadcast SET ?', [rows.broadcast]);
    await db.beginTransaction();
    for (let i = 0; i < rows.rows.length; i += 1_000) {
      await db.query(`INSERT INTO message (${rows.columns.join(',')}) VALUES ?`, [
        rows.rows.slice(i, i + 1_000),
      ]);
    }
    await db.commit();
  };
  const sinkPort = await freePort();
  const sink = startChild('sink', here('./webhook-sink.ts'), { PORT: String(sinkPort) }, abort);
  children.push(sink);
  const sinkUrl = `http://127.0.0.1:${sinkPort}`;
  await waitUntilReady(`${sinkUrl}/stats`);
  const sinkStats = async () =>
    (await (await fetch(`${sinkUrl}/stats`)).json()) as { requests: number; unique: number };
  const allDelivered = async () => {
    for (;;) {
      const [[row]] = (await db.query(
        "SELECT COUNT(*) AS n FROM message WHERE status = 'delivered'",
      )) as unknown as [[{ n: number }]];
      if (Number(row.n) === CUSTOMERS) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  /** Restores the 100,000 due messages, then drains them with a dispatcher of `workers`. */
  const dispatcherDrain = async (
    workers: number,
    receiverMs: number,
    server = OUTGOING_SERVER,
  ): Promise<DrainResult> => {
    await restore();
    await fetch(`${sinkUrl}/reset?delayMs=${receiverMs}`, { method: 'POST' });
    const dispatcher = await startService(`dispatcher x${workers}`, server, {
      DISPATCHER: 'only',
      DISPATCHER_WORKERS: String(workers),
      DISPATCH_POLL_INTERVAL_MS: '50',
      ...(BATCH_SIZE === undefined ? {} : { DISPATCH_BATCH_SIZE: BATCH_SIZE }),
      CUSTOMER_SERVICE_URL: customer.url,
      DELIVERY_WEBHOOK_URL: `${sinkUrl}/hook`,
      DELIVERY_WEBHOOK_SECRET: SECRET,
      // Nothing is due before the clock is set to NOW below: the drain starts there.
      TEST_CLOCK_START: BEFORE_NOW,
    });
    // With LOG_LEVEL=debug, each batch logs where its time went: summed here.
    const phases = { batches: 0, claimMs: 0, lookupMs: 0, deliverMs: 0, recordMs: 0 };
    dispatcher.child.onLine((line) => {
      if (!line.includes('"dispatched batch"')) return;
      const entry = JSON.parse(line) as Record<string, number>;
      phases.batches++;
      for (const key of ['claimMs', 'lookupMs', 'deliverMs', 'recordMs'] as const)
        phases[key] += entry[key] ?? 0;
    });
    const cpu = cpuMeter({ dispatcher: dispatcher.child, sink, customer: customer.child });
    const started = performance.now();
    // Every message is due at NOW: setting the clock there starts the drain.
    await post(`${dispatcher.url}/internal/test/clock`, { now: NOW });
    let stats = await sinkStats();
    const deadline = Date.now() + 15 * 60_000;
    while (stats.unique < CUSTOMERS) {
      if (Date.now() > deadline) throw new Error(`drain stalled at ${stats.unique}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
      stats = await sinkStats();
    }
    const drainMs = ms(started);
    const cpuUsed = cpu();
    await allDelivered();
    if (phases.batches > 0) {
      console.log(
        `  ${workers} worker(s): ${phases.batches} batches; per batch: claim ${fmt(phases.claimMs / phases.batches)} ms, ` +
          `lookup ${fmt(phases.lookupMs / phases.batches)} ms, deliver ${fmt(phases.deliverMs / phases.batches)} ms, ` +
          `record ${fmt(phases.recordMs / phases.batches)} ms`,
      );
    }
    const result = {
      label: `dispatcher, ${workers} worker${workers > 1 ? 's' : ''}`,
      ms: drainMs,
      dbMs: ms(started),
      rss: dispatcher.child.peakRssMiB(),
      requests: stats.requests,
      cpu: cpuUsed,
    };
    await stopChild(dispatcher.child);
    return result;
  };

  /**
   * Restores the messages, then the bare loop (or, with `script`, the floor loop: the bare
   * loop and the queue's statements) POSTs them all; its time and the CPU used.
   */
  const bareDrain = async (
    receiverMs: number,
    script = './bare-loop.ts',
  ): Promise<{ result: { sent: number; ms: number }; cpu: Record<string, number> }> => {
    await restore();
    await fetch(`${sinkUrl}/reset?delayMs=${receiverMs}`, { method: 'POST' });
    const bareCpu = cpuMeter({ sink, customer: customer.child });
    const bare = startChild(script, here(script), {
      ...baseEnv,
      BENCH_DATABASE: outgoingDb,
      BENCH_IN_FLIGHT: '32',
      BENCH_NOW: NOW,
      BENCH_WORKERS: '2',
      DELIVERY_WEBHOOK_URL: `${sinkUrl}/hook`,
      DELIVERY_WEBHOOK_SECRET: SECRET,
    });
    children.push(bare);
    let bareOutput = '';
    bare.process.stdout?.on('data', (chunk: Buffer) => (bareOutput += chunk.toString()));
    let bareSelf = 0;
    const bareExit = new Promise((resolve) => bare.process.once('exit', resolve));
    // Sampled just before it exits: its own CPU (a gone process has no /proc entry).
    const sampler = setInterval(() => {
      const seconds = cpuSeconds(bare.process.pid);
      if (!Number.isNaN(seconds)) bareSelf = seconds;
    }, 20);
    await bareExit;
    clearInterval(sampler);
    const cpu = { ...bareCpu(), bare: bareSelf };
    children.splice(children.indexOf(bare), 1);
    const result = JSON.parse(bareOutput.trim().split('\n').at(-1) ?? '{}') as {
      sent: number;
      ms: number;
    };
    if ((await sinkStats()).unique !== CUSTOMERS)
      throw new Error('the bare loop did not reach every message');
    return { result, cpu };
  };

  const drains: DrainResult[] = [];
  for (const workers of WORKERS) {
    // With BENCH_BASELINE_SERVER, that build drains the same messages right after, in
    // BENCH_DRAIN_PAIRS pairs (change, baseline; the order turned each pair).
    for (let pair = 0; pair < (BASELINE_SERVER ? DRAIN_PAIRS : 1); pair++) {
      const order =
        pair % 2 === 0 ? [OUTGOING_SERVER, BASELINE_SERVER] : [BASELINE_SERVER, OUTGOING_SERVER];
      for (const server of order) {
        if (server === undefined) continue;
        const result = await dispatcherDrain(workers, 0, server);
        drains.push(
          server === OUTGOING_SERVER ? result : { ...result, label: `${result.label} (baseline)` },
        );
      }
    }
  }
  const bare = await bareDrain(0);
  const floor = await bareDrain(0, './floor-loop.ts');
  reportDrain(drains, bare.result, bare.cpu, floor);

  // ---- 2b. The same against a receiver that takes RECEIVER_MS to answer ----
  if (RECEIVER_MS > 0) {
    const slow = await dispatcherDrain(2, RECEIVER_MS);
    const slowBare = await bareDrain(RECEIVER_MS);
    const rate = (CUSTOMERS / slow.ms) * 1000;
    const bareRate = (slowBare.result.sent / slowBare.result.ms) * 1000;
    console.log(
      `\n### The same drain, the receiver answering after ${RECEIVER_MS} ms (32 in flight each)\n`,
    );
    console.log('| | ms | messages/s | vs bare loop |');
    console.log('|---|---:|---:|---:|');
    console.log(
      `| ${slow.label} | ${fmt(slow.ms)} | ${fmt(rate)} | ${((rate / bareRate) * 100).toFixed(0)}% |`,
    );
    console.log(`| bare loop | ${fmt(slowBare.result.ms)} | ${fmt(bareRate)} | 100% |`);
  }
  await db.end();

  // ---- 3. What an idle dispatcher costs, by poll interval (the queue is empty now) ----
  if (process.env['BENCH_IDLE'] === '0') return;
  console.log('\n### An idle dispatcher (empty queue), 5 s per poll interval\n');
  console.log('| poll interval | dispatcher CPU | MariaDB CPU | polls/s |');
  console.log('|---:|---:|---:|---:|');
  for (const pollMs of [50, 250, 1_000]) {
    const idle = await startService(`idle ${pollMs}`, OUTGOING_SERVER, {
      DISPATCHER: 'only',
      DISPATCH_POLL_INTERVAL_MS: String(pollMs),
      CUSTOMER_SERVICE_URL: customer.url,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const meter = cpuMeter({ dispatcher: idle.child });
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const used = meter();
    const percent = (seconds: number | undefined) => `${(((seconds ?? 0) / 5) * 100).toFixed(2)}%`;
    console.log(
      `| ${pollMs} ms | ${percent(used['dispatcher'])} | ${percent(used['database'])} | ${(1000 / pollMs).toFixed(0)} |`,
    );
    await stopChild(idle.child);
  }
}

const sumCpu = (used: Record<string, number>) => Object.values(used).reduce((a, b) => a + b, 0);

/** CPU seconds each process (and the database server) used between this call and the returned one. */
function cpuMeter(processes: Record<string, Child>): () => Record<string, number> {
  const database = databaseServerPid();
  const pids: Record<string, number | undefined> = { database };
  for (const [name, child] of Object.entries(processes)) pids[name] = child.process.pid;
  const before = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]),
  );
  return () =>
    Object.fromEntries(
      Object.entries(pids)
        .map(([name, pid]) => [name, cpuSeconds(pid) - (before[name] ?? 0)] as const)
        .filter(([, seconds]) => !Number.isNaN(seconds)),
    );
}

function reportBroadcast(
  times: { service: number[]; preview: number[]; raw: number[]; floor: number[] },
  idleRss: number,
  peakRss: number,
): void {
  const service = median(times.service);
  const raw = median(times.raw);
  const floor = median(times.floor);
  const ratio = service / floor;
  console.log(
    '\n### Broadcast to every customer (median of %d rounds; messages + first history rows)\n',
    ROUNDS,
  );
  console.log('| | ms | vs floor |');
  console.log('|---|---:|---:|');
  console.log(`| service: POST /v1/broadcasts → 202 | ${fmt(service)} | ${ratio.toFixed(2)}x |`);
  console.log(
    `| raw mysql2 multi-row inserts (1,000 a statement) + history INSERT … SELECT, one transaction | ${fmt(raw)} | ${(raw / floor).toFixed(2)}x |`,
  );
  console.log(`| INSERT … SELECT messages + history (floor) | ${fmt(floor)} | 1.00x |`);
  const perRound = times.service.map((t, i) => (t / (times.floor[i] ?? NaN)).toFixed(2));
  console.log(
    `\nbroadcast / floor: ${ratio.toFixed(2)}x (target <= ${FLOOR_TARGET}x: ${ratio <= FLOOR_TARGET ? 'PASS' : 'FAIL'}); per round ${perRound.join(', ')}; load now ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const preview = median(times.preview);
  console.log(
    `\npreview (POST /v1/broadcasts/preview, same body): ${fmt(preview)} ms = ${(preview / service).toFixed(2)}x the broadcast ` +
      `(target <= 1x: ${preview <= service ? 'PASS' : 'FAIL'}); rounds ${times.preview.map(fmt).join(', ')}`,
  );
  console.log(
    `\nrounds (ms): service ${times.service.map(fmt).join(', ')}; raw ${times.raw.map(fmt).join(', ')}; floor ${times.floor.map(fmt).join(', ')}`,
  );
  console.log(
    `outgoing service RSS: ${idleRss.toFixed(0)} MiB idle, ${peakRss.toFixed(0)} MiB peak (target <= 256)`,
  );
}

interface DrainResult {
  label: string;
  ms: number;
  dbMs: number;
  rss: number;
  requests: number;
  cpu: Record<string, number>;
}

function reportDrain(
  drains: DrainResult[],
  bareResult: { sent: number; ms: number },
  bareCpu: Record<string, number>,
  floor: { result: { sent: number; ms: number }; cpu: Record<string, number> },
): void {
  const floorRate = (floor.result.sent / floor.result.ms) * 1000;
  const bareRate = (bareResult.sent / bareResult.ms) * 1000;
  console.log(
    '\n### Drain of %s due messages to a local webhook sink\n',
    CUSTOMERS.toLocaleString('en-US'),
  );
  console.log(
    '| | ms (last POST) | ms (all marked) | messages/s | vs bare loop | vs bare loop + floor | peak RSS MiB |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  const ratios = (rate: number) =>
    `${((rate / bareRate) * 100).toFixed(0)}% | ${((rate / floorRate) * 100).toFixed(0)}%`;
  for (const drain of drains) {
    const rate = (CUSTOMERS / drain.ms) * 1000;
    console.log(
      `| ${drain.label} | ${fmt(drain.ms)} | ${fmt(drain.dbMs)} | ${fmt(rate)} | ${ratios(rate)} | ${drain.rss.toFixed(0)} |`,
    );
  }
  console.log(
    `| bare loop + floor (the queue's claim and completion around the same POSTs, 2 loops) | ${fmt(floor.result.ms)} | ${fmt(floor.result.ms)} | ${fmt(floorRate)} | ${ratios(floorRate)} | – |`,
  );
  console.log(
    `| bare loop (same client, 32 in flight, no DB writes) | ${fmt(bareResult.ms)} | – | ${fmt(bareRate)} | ${ratios(bareRate)} | – |`,
  );
  console.log('\nCPU per message (µs), by process, during each drain:\n');
  const perMessage = (seconds: number | undefined) =>
    seconds === undefined ? '–' : fmt((seconds * 1e6) / CUSTOMERS);
  console.log('| | dispatcher / loop | sink | MariaDB | customer service | total |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const drain of drains) {
    const c = drain.cpu;
    console.log(
      `| ${drain.label} | ${perMessage(c['dispatcher'])} | ${perMessage(c['sink'])} | ${perMessage(c['database'])} | ${perMessage(c['customer'])} | ${perMessage(Object.values(c).reduce((a, b) => a + b, 0))} |`,
    );
  }
  console.log(
    `| bare loop + floor | ${perMessage(floor.cpu['bare'])} | ${perMessage(floor.cpu['sink'])} | ${perMessage(floor.cpu['database'])} | ${perMessage(floor.cpu['customer'])} | ${perMessage(Object.values(floor.cpu).reduce((a, b) => a + b, 0))} |`,
  );
  console.log(
    `| bare loop | ${perMessage(bareCpu['bare'])} | ${perMessage(bareCpu['sink'])} | ${perMessage(bareCpu['database'])} | ${perMessage(bareCpu['customer'])} | ${perMessage(Object.values(bareCpu).reduce((a, b) => a + b, 0))} |`,
  );
}

try {
  await main();
  await cleanUp();
  process.exit(0);
} catch (error) {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  await cleanUp().catch(() => undefined);
  process.exit(1);
}
