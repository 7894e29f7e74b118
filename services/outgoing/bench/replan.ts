/**
 * Re-planning after a calendar change (README, "Benchmarks"): BENCH_CUSTOMERS (100,000)
 * customers, one broadcast queued for Monday 7 December 2026 10:00Z (one `scheduled`
 * message each), then the business calendar changes at the customer service — Monday
 * becomes a holiday, then not — and the time is measured from the `PUT` to the end of the
 * outgoing service's re-plan (its test clock's run-due waits for it), every message
 * checked to have moved. BENCH_ROUNDS changes (3), alternating.
 *
 * The customer and outgoing services run as child processes on 127.0.0.1, both on the
 * bench's test clock from their first instant (TEST_CLOCK_START: the result does not
 * depend on the time of day it runs at), and the databases are dropped at the end.
 *
 *   pnpm --filter @screenmagic/outgoing bench      (also runs bench/run.ts)
 *   node services/outgoing/bench/replan.ts         (MYSQL_URL, BENCH_CUSTOMERS, BENCH_ROUNDS)
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { mysqlOptions } from '@screenmagic/service-kit';
import { createConnection } from 'mysql2/promise';
import { type Child, freePort, startChild, waitUntilReady } from './support/processes.ts';
import { seedCustomers } from './support/seed.ts';

const CUSTOMERS = Number(process.env['BENCH_CUSTOMERS'] ?? 100_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
// Friday 4 December 2026, 12:00 London: the broadcast is queued for Monday.
const NOW = '2026-12-04T12:00:00.000Z';
const MONDAY_10 = '2026-12-07T10:00:00.000Z';
const TUESDAY_OPENING = '2026-12-08T09:00:00.000Z';
const CALENDAR = {
  timeZone: 'Europe/London',
  start: '09:00',
  end: '18:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
};

const mysqlUrl = new URL(process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306');
const prefix = `rbench_${process.pid}_`;
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const internalToken = `rbench-internal-${randomBytes(12).toString('hex')}`;
const baseEnv: Record<string, string> = {
  MYSQL_URL: mysqlUrl.href,
  MYSQL_DATABASE_PREFIX: prefix,
  HOST: '127.0.0.1',
  INTERNAL_TOKEN: internalToken,
  LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
  TEST_CLOCK: '1',
  TEST_CLOCK_START: NOW,
  NODE_ENV: 'development',
  BUSINESS_CALENDAR: JSON.stringify(CALENDAR),
};
const children: Child[] = [];

async function cleanUp(): Promise<void> {
  for (const child of [...children].reverse()) await child.stop();
  const connection = await createConnection(mysqlOptions(mysqlUrl));
  for (const name of ['customer', 'outgoing'])
    await connection.query(`DROP DATABASE IF EXISTS \`${prefix}${name}\``);
  await connection.end();
}

function abort(message: string): void {
  process.stderr.write(`\nbench aborted: ${message}\n`);
  void cleanUp().finally(() => process.exit(1));
}
process.once('SIGINT', () => abort('SIGINT'));

async function startService(name: string, env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const child = startChild(
    name,
    here(`../../${name}/src/server.ts`),
    {
      ...baseEnv,
      ...env,
      PORT: String(port),
    },
    abort,
  );
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${url}/readyz`, { timeoutMs: 60_000 });
  return url;
}

async function call(method: string, url: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${internalToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(600_000),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function main(): Promise<void> {
  const customerUrl = await startService('customer', {});
  const seeding = await createConnection(mysqlOptions(mysqlUrl, `${prefix}customer`));
  await seedCustomers(seeding, CUSTOMERS);
  await seeding.end();
  const outgoingUrl = await startService('outgoing', {
    DISPATCHER: 'off',
    CUSTOMER_SERVICE_URL: customerUrl,
  });
  await call('POST', `${outgoingUrl}/v1/broadcasts`, { message: 'Monday news', sendAt: MONDAY_10 });
  const db = await createConnection(mysqlOptions(mysqlUrl, `${prefix}outgoing`));
  const countAt = async (instant: string) => {
    const [[row]] = (await db.query(
      "SELECT COUNT(*) AS n FROM message WHERE status = 'scheduled' AND scheduled_for = ?",
      [new Date(instant)],
    )) as unknown as [[{ n: number }]];
    return Number(row.n);
  };
  if ((await countAt(MONDAY_10)) !== CUSTOMERS) throw new Error('the broadcast did not queue');

  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const holiday = round % 2 === 0;
    const started = performance.now();
    await call('PUT', `${customerUrl}/v1/business-calendar`, {
      ...CALENDAR,
      ...(holiday ? { closures: [{ from: '2026-12-07', name: 'Founders Day' }] } : {}),
    });
    // The test clock's run-due first finishes the re-plan (the poll may have begun it).
    await call('POST', `${outgoingUrl}/internal/test/run-due`);
    times.push(performance.now() - started);
    const moved = await countAt(holiday ? TUESDAY_OPENING : MONDAY_10);
    if (moved !== CUSTOMERS) throw new Error(`round ${round}: ${moved} of ${CUSTOMERS} re-planned`);
  }
  await db.end();
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `re-plan after a calendar change: ${CUSTOMERS.toLocaleString('en-US')} queued messages, ` +
      `median ${Math.round(sorted[Math.floor(sorted.length / 2)] ?? NaN).toLocaleString('en-US')} ms ` +
      `(rounds: ${times.map((t) => Math.round(t).toLocaleString('en-US')).join(', ')} ms)`,
  );
}

try {
  await main();
} finally {
  await cleanUp();
}
