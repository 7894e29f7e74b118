/**
 * The incoming service's benchmarks (README, "Numbers"), in one self-stopping run:
 *
 * 1. `POST /v1/orders` while the business is open (201: customer lookup, insert, the
 *    confirmation handed to the outgoing service), direct and through the gateway; then
 *    the same for orders placed on a Saturday (202: lookup and insert only).
 * 2. The worker confirming 10,000 pending orders at Monday's opening (each handed to the
 *    outgoing service, then marked confirmed), with the default batch size and
 *    concurrency and with a smaller and a larger setting.
 *
 * The customer, outgoing and incoming services and the gateway run as child processes on
 * 127.0.0.1 with a test clock, on throwaway databases dropped at the end. Every load is
 * bounded (BENCH_SECONDS per HTTP run, BENCH_PENDING orders per worker run).
 *
 *   pnpm --filter @screenmagic/incoming bench    (MYSQL_URL, BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_PENDING)
 */
import autocannon, { type Result } from 'autocannon';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dropDatabase, mysqlOptions } from '@screenmagic/service-kit';
import { createConnection } from 'mysql2/promise';
import { callJson, type Child, startChild } from './support/processes.ts';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 32);
const PENDING = Number(process.env['BENCH_PENDING'] ?? 10_000);
/** Worker settings measured: the defaults first. */
const WORKER_SETTINGS = [
  { batchSize: 200, concurrency: 32 },
  { batchSize: 50, concurrency: 4 },
  { batchSize: 200, concurrency: 16 },
  { batchSize: 500, concurrency: 64 },
];

const mysqlUrl = new URL(process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306');
const prefix = `bench_inc_${randomBytes(3).toString('hex')}_`;
const apiKey = `bench-${randomBytes(12).toString('hex')}`;
const internalToken = `bench-internal-${randomBytes(12).toString('hex')}`;
/** For the bench's own calls to the services' /internal/* routes. */
const internal = { authorization: `Bearer ${internalToken}` };
const script = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const MONDAY_OPEN = '2026-11-30T04:30:00.000Z'; // Monday 10:00 IST
// Mon–Fri 09:00–18:00 in Kolkata: 03:30Z–12:30Z.
const baseEnv: Record<string, string> = {
  MYSQL_URL: mysqlUrl.href,
  MYSQL_DATABASE_PREFIX: prefix,
  LOG_LEVEL: 'warn',
  TEST_CLOCK: '1',
  // Every service starts on the bench's clock, never on the real date: a worker polling
  // at the real time would confirm the far-ahead weekend orders once that date has passed.
  TEST_CLOCK_START: MONDAY_OPEN,
  NODE_ENV: 'development',
  GATEWAY_API_KEYS: apiKey,
  INTERNAL_TOKEN: internalToken,
  RATE_LIMIT_PER_MINUTE: '10000000',
  BUSINESS_CALENDAR: JSON.stringify({
    timeZone: 'Asia/Kolkata',
    start: '09:00',
    end: '18:00',
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  }),
};
/** Saturday 11:00 IST of week `i` (5, 12, 19, 26 December…) and the Monday opening after it. */
const saturday = (i: number) => new Date(Date.UTC(2026, 11, 5 + 7 * i, 5, 30)).toISOString();
const opening = (i: number) => new Date(Date.UTC(2026, 11, 7 + 7 * i, 3, 30)).toISOString();

const children = new Map<string, Child>();
let stopping = false;
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));

async function start(name: string, path: string, env: Record<string, string> = {}): Promise<Child> {
  const child = await startChild(name, script(path), { ...baseEnv, ...env });
  children.set(name, child);
  return child;
}

async function cleanUp(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all([...children.values()].map((child) => child.stop()));
  for (const service of ['customer', 'outgoing', 'incoming']) {
    await dropDatabase(mysqlUrl, `${prefix}${service}`);
  }
}

/** Sets the test clock of the given services (not the gateway's: it would run due work). */
async function setClocks(now: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await callJson('POST', `${children.get(name)?.url}/internal/test/clock`, { now }, internal);
  }
}

interface HttpRow {
  readonly what: string;
  readonly target: 'direct' | 'gateway';
  readonly result: Result;
}

async function load(
  what: string,
  target: 'direct' | 'gateway',
  baseUrl: string,
  order: (n: number) => Record<string, unknown>,
  options: { readonly amount?: number } = {},
): Promise<HttpRow> {
  let n = 0;
  const tag = randomBytes(3).toString('hex');
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    ...(options.amount === undefined ? { duration: SECONDS } : { amount: options.amount }),
    requests: [
      {
        method: 'POST',
        path: '/v1/orders',
        headers: {
          'content-type': 'application/json',
          ...(target === 'gateway' ? { authorization: `Bearer ${apiKey}` } : {}),
        },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ ...order(n), orderId: `B-${tag}-${n++}` }),
        }),
      },
    ],
  });
  return { what, target, result };
}

async function countConfirmed(processingAt: string): Promise<number> {
  const connection = await createConnection(mysqlOptions(mysqlUrl, `${prefix}incoming`));
  try {
    const [rows] = await connection.query(
      "SELECT COUNT(*) AS n FROM customer_order WHERE status = 'confirmed' AND processing_at = ?",
      [new Date(processingAt)],
    );
    return Number((rows as Array<{ n: number | string }>)[0]?.n ?? 0);
  } finally {
    await connection.end();
  }
}

const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

try {
  console.log(
    `incoming bench: ${cpus().length} CPUs, ${CONNECTIONS} connections, ${SECONDS} s per HTTP run`,
  );
  const customer = await start('customer', '../../customer/src/server.ts');
  const outgoing = await start('outgoing', '../../outgoing/src/server.ts', {
    CUSTOMER_SERVICE_URL: customer.url,
  });
  const incomingEnv = { CUSTOMER_SERVICE_URL: customer.url, OUTGOING_SERVICE_URL: outgoing.url };
  let incoming = await start('incoming', '../src/server.ts', incomingEnv);
  const gateway = await start('gateway', '../../../gateway/src/server.ts', {
    CUSTOMER_SERVICE_URL: customer.url,
    OUTGOING_SERVICE_URL: outgoing.url,
    INCOMING_SERVICE_URL: incoming.url,
    GATEWAY_METRICS_PORT: '0',
  });
  const services = ['customer', 'outgoing', 'incoming'];

  const created = await callJson<{ name: string }>(
    'POST',
    `${gateway.url}/v1/customers`,
    { name: 'Bench Customer', workingHours: { start: '00:00', end: '24:00' } },
    { authorization: `Bearer ${apiKey}` },
  );
  const body = (placedAt?: string) => () => ({
    customer: created.name,
    productId: 'SKU-1',
    payment: { method: 'upi', amount: '499.00', currency: 'INR' },
    ...(placedAt === undefined ? {} : { placedAt }),
  });

  // 1. HTTP: open (201) and weekend (202), direct and through the gateway.
  const rows: HttpRow[] = [];
  await setClocks(MONDAY_OPEN, services);
  await load('warm-up', 'direct', incoming.url, body(), { amount: 500 });
  rows.push(await load('open → 201 confirmed', 'direct', incoming.url, body()));
  rows.push(await load('open → 201 confirmed', 'gateway', gateway.url, body()));
  // Weekend orders placed far ahead (week 10), so the worker runs below never see them.
  rows.push(await load('Saturday → 202 pending', 'direct', incoming.url, body(saturday(10))));
  rows.push(await load('Saturday → 202 pending', 'gateway', gateway.url, body(saturday(10))));
  console.log('\n| POST /v1/orders | via | req/s | p50 ms | p99 ms | non-2xx | errors |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const { what, target, result } of rows) {
    console.log(
      `| ${what} | ${target} | ${fmt(result.requests.average)} | ${fmt(result.latency.p50, 1)} | ${fmt(result.latency.p99, 1)} | ${result.non2xx} | ${result.errors + result.timeouts} |`,
    );
  }

  // 2. The worker: PENDING orders placed on Saturday of week i, confirmed at Monday's opening.
  console.log(
    `\n| worker: ${fmt(PENDING)} pending orders at an opening | batch | concurrency | seconds | orders/s |`,
  );
  console.log('|---|---:|---:|---:|---:|');
  for (const [i, setting] of WORKER_SETTINGS.entries()) {
    if (i > 0) {
      await incoming.stop();
      incoming = await start('incoming', '../src/server.ts', {
        ...incomingEnv,
        TEST_CLOCK_START: saturday(i),
        ORDER_WORKER_BATCH_SIZE: String(setting.batchSize),
        ORDER_WORKER_CONCURRENCY: String(setting.concurrency),
      });
    }
    await setClocks(saturday(i), services);
    const seeded = await load('seed', 'direct', incoming.url, body(), { amount: PENDING });
    if (seeded.result['2xx'] !== PENDING)
      throw new Error(`seeded ${seeded.result['2xx']} of ${PENDING}`);
    // Let the outgoing service finish delivering earlier confirmations first, so each
    // measurement starts from the same quiet state.
    await callJson('POST', `${outgoing.url}/internal/test/run-due`, undefined, internal);
    await setClocks(opening(i), ['customer', 'outgoing']);
    const started = performance.now();
    await setClocks(opening(i), ['incoming']);
    await callJson('POST', `${incoming.url}/internal/test/run-due`, undefined, internal);
    const seconds = (performance.now() - started) / 1000;
    const confirmed = await countConfirmed(opening(i));
    if (confirmed !== PENDING) throw new Error(`confirmed ${confirmed} of ${PENDING}`);
    console.log(
      `| week ${i + 1}${i === 0 ? ' (defaults)' : ''} | ${setting.batchSize} | ${setting.concurrency} | ${fmt(seconds, 1)} | ${fmt(PENDING / seconds)} |`,
    );
  }
} finally {
  await cleanUp();
}
