/**
 * SIGTERM under load, with real processes started as the image starts them
 * (`node src/server.ts`): a service that is told to stop while it takes requests and
 * delivers messages must lose no request it answered 2xx and leave no claimed row locked.
 *
 * The webhook receiver answers slowly, so the dispatcher always has a batch in flight when
 * the signal arrives. Every request and the whole test are bounded in count and time; all
 * traffic stays on 127.0.0.1.
 */
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { mysqlOptions } from '@screenmagic/service-kit';
import {
  dropTestDatabases,
  testMysqlUrl,
  uniqueDatabasePrefix,
} from '@screenmagic/service-kit/testing';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../validate/kubernetes.ts';
import {
  freePort,
  type RunningProcess,
  startNode,
  terminate,
  waitForStatus,
} from './support/processes.ts';

const serverUrl = testMysqlUrl();
const prefix = uniqueDatabasePrefix('shutdown');
const CUSTOMERS = 10;
const WEBHOOK_DELAY_MS = 150;

// --- a slow webhook receiver that remembers what it got
const delivered = new Map<string, number>();
let webhookInFlight = 0;
let webhook: Server;
let webhookUrl: string;

function startWebhook(): Promise<void> {
  webhook = createServer((request, response) => {
    webhookInFlight++;
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      setTimeout(() => {
        const { messageId } = JSON.parse(body) as { messageId: string };
        delivered.set(messageId, (delivered.get(messageId) ?? 0) + 1);
        webhookInFlight--;
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      }, WEBHOOK_DELAY_MS);
    });
  });
  webhook.listen(0, '127.0.0.1');
  return once(webhook, 'listening').then(() => {
    const address = webhook.address();
    if (address === null || typeof address === 'string') throw new Error('no webhook port');
    webhookUrl = `http://127.0.0.1:${address.port}/deliveries`;
  });
}

// --- the services, from the repository's sources
const ports = { customer: 0, outgoing: 0, incoming: 0 };
const running: RunningProcess[] = [];

function sharedEnv(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    INTERNAL_TOKEN: 'shutdown-test-internal-token',
    MYSQL_URL: serverUrl.href,
    MYSQL_DATABASE_PREFIX: prefix,
    // Open around the clock, every day: everything accepted is due at once.
    BUSINESS_CALENDAR: '{"timeZone":"UTC","start":"00:00","end":"24:00"}',
    CUSTOMER_SERVICE_URL: `http://127.0.0.1:${ports.customer}`,
    OUTGOING_SERVICE_URL: `http://127.0.0.1:${ports.outgoing}`,
    INCOMING_SERVICE_URL: `http://127.0.0.1:${ports.incoming}`,
  };
}

async function start(
  name: keyof typeof ports,
  env: Record<string, string> = {},
): Promise<RunningProcess> {
  const service = startNode({
    name,
    cwd: join(REPO_ROOT, 'services', name),
    port: ports[name],
    env: { ...sharedEnv(), ...env },
  });
  running.push(service);
  await waitForStatus(service, '/readyz');
  return service;
}

function startOutgoing(): Promise<RunningProcess> {
  return start('outgoing', {
    DELIVERY_WEBHOOK_URL: webhookUrl,
    DELIVERY_WEBHOOK_SECRET: 'shutdown-test-secret',
    DISPATCH_POLL_INTERVAL_MS: '50',
    DISPATCH_BATCH_SIZE: '50',
  });
}

// --- load: concurrent loops, each request's outcome kept
interface Outcome {
  readonly status: number | 'network-error';
  readonly body: unknown;
}

interface Load {
  readonly outcomes: Outcome[];
  inFlight: number;
  done: Promise<void>;
}

/**
 * `concurrency` loops POSTing `body(i)` to `url` until `stop()` says so, at most
 * `maxRequests` in all and for at most 30 s.
 */
function runLoad(
  url: string,
  body: (i: number) => unknown,
  concurrency: number,
  stop: () => boolean,
  maxRequests: number,
): Load {
  const load: Load = { outcomes: [], inFlight: 0, done: Promise.resolve() };
  const deadline = performance.now() + 30_000;
  let next = 0;
  const loop = async (): Promise<void> => {
    while (!stop() && next < maxRequests && performance.now() < deadline) {
      const i = next++;
      load.inFlight++;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body(i)),
          signal: AbortSignal.timeout(20_000),
        });
        load.outcomes.push({
          status: response.status,
          body: await response.json().catch(() => null),
        });
      } catch {
        load.outcomes.push({ status: 'network-error', body: null });
        await sleep(20);
      } finally {
        load.inFlight--;
      }
    }
  };
  load.done = Promise.all(Array.from({ length: concurrency }, loop)).then(() => undefined);
  return load;
}

async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
  explain: () => string = () => '',
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await condition()) return;
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}\n${explain()}`);
}

/**
 * Waits until `url` takes a POST of `body` with `status`: a service is ready (its own
 * database) before it has read the business calendar from the customer service, and
 * answers 503 until then (by design: SPEC's readiness is its own database), which a load
 * of fast 503s would use up before the signal.
 */
async function waitUntilTaking(url: string, body: unknown, status: number): Promise<void> {
  let last = 'no answer';
  await waitUntil(
    async () => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5_000),
      }).catch((error: unknown) => ({ status: String(error), text: () => Promise.resolve('') }));
      last = `${response.status} ${await response.text()}`;
      return response.status === status;
    },
    `${url} to answer ${status}`,
    20_000,
    () => last,
  );
}

/** What a load got so far and what the services said: the message of a wait that timed out. */
function loadReport(load: Load): string {
  const byStatus = new Map<string, { count: number; sample: unknown }>();
  for (const outcome of load.outcomes) {
    const key = String(outcome.status);
    const seen = byStatus.get(key);
    byStatus.set(key, { count: (seen?.count ?? 0) + 1, sample: seen?.sample ?? outcome.body });
  }
  const statuses = [...byStatus].map(
    ([status, { count, sample }]) => `  ${status} x${count}: ${JSON.stringify(sample)}`,
  );
  const outputs = running.map(
    (service) =>
      `--- ${service.name} (exit ${service.child.exitCode}):\n${service.output().slice(-3_000)}`,
  );
  return [`in flight: ${load.inFlight}; outcomes:`, ...statuses, ...outputs].join('\n');
}

async function query<T>(database: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const connection = await createConnection(mysqlOptions(serverUrl, `${prefix}${database}`));
  try {
    const [rows] = await connection.query(sql, values);
    return rows as T[];
  } finally {
    await connection.end();
  }
}

const customerIds: string[] = [];

beforeAll(async () => {
  await startWebhook();
  ports.customer = await freePort();
  ports.outgoing = await freePort();
  ports.incoming = await freePort();
  const customer = await start('customer');
  await startOutgoing();
  for (let i = 0; i < CUSTOMERS; i++) {
    const response = await fetch(`${customer.url}/v1/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: `Shutdown Customer ${i}`,
        workingHours: { start: '00:00', end: '24:00' },
        timeZone: 'UTC',
      }),
    });
    expect(response.status).toBe(201);
    customerIds.push(((await response.json()) as { id: string }).id);
  }
}, 120_000);

afterAll(async () => {
  await Promise.all(running.map((service) => terminate(service, 10_000)));
  webhook?.close();
  await dropTestDatabases(serverUrl, prefix);
}, 60_000);

describe('graceful shutdown under load (SIGTERM)', () => {
  it('outgoing: every broadcast answered 2xx is stored whole, no message stays claimed, all are delivered after a restart', async () => {
    const outgoing = running.find((service) => service.name === 'outgoing') as RunningProcess;
    await waitUntilTaking(
      `${outgoing.url}/v1/broadcasts`,
      { message: 'shutdown test probe', customerIds },
      202,
    );
    const load = runLoad(
      `${outgoing.url}/v1/broadcasts`,
      (i) => ({ message: `shutdown test ${i}`, customerIds }),
      6,
      () => outgoing.child.exitCode !== null,
      3_000,
    );

    // Signal while broadcasts are being accepted and deliveries are waiting on the webhook.
    await waitUntil(
      () =>
        load.outcomes.filter((o) => o.status === 202).length >= 20 &&
        webhookInFlight > 0 &&
        load.inFlight > 0,
      'accepted broadcasts and deliveries in flight',
      20_000,
      () => `webhook in flight: ${webhookInFlight}\n${loadReport(load)}`,
    );
    const atSignal = { requests: load.inFlight, deliveries: webhookInFlight };
    const exitCode = await terminate(outgoing);
    await load.done;

    expect(exitCode, outgoing.output()).toBe(0);
    expect(atSignal.requests).toBeGreaterThan(0);
    expect(atSignal.deliveries).toBeGreaterThan(0);
    // Refused or 503 while closing is fine; an error of the service itself is not.
    const statuses = new Set(load.outcomes.map((o) => o.status));
    expect([...statuses].filter((s) => s !== 202 && s !== 503 && s !== 'network-error')).toEqual(
      [],
    );

    const accepted = load.outcomes
      .filter((o) => o.status === 202)
      .map((o) => (o.body as { broadcastId: string }).broadcastId);
    const stored = await query<{ id: string; messages: number }>(
      'outgoing',
      'SELECT b.id, COUNT(m.id) AS messages FROM broadcast b LEFT JOIN message m ON m.broadcast_id = b.id ' +
        'WHERE b.id IN (?) GROUP BY b.id',
      [accepted],
    );
    expect(stored.length).toBe(accepted.length);
    expect(stored.filter((row) => Number(row.messages) !== CUSTOMERS)).toEqual([]);
    const locked = await query<{ id: string }>(
      'outgoing',
      'SELECT id FROM message WHERE batch_id IS NOT NULL',
    );
    expect(locked).toEqual([]);

    // A new process picks up where the old one stopped: every accepted message goes out.
    await startOutgoing();
    const expected = await query<{ id: string }>(
      'outgoing',
      'SELECT id FROM message WHERE broadcast_id IN (?)',
      [accepted],
    );
    await waitUntil(
      async () => {
        const [row] = await query<{ n: number }>(
          'outgoing',
          "SELECT COUNT(*) AS n FROM message WHERE broadcast_id IN (?) AND status <> 'delivered'",
          [accepted],
        );
        return Number(row?.n) === 0;
      },
      'every accepted message delivered',
      60_000,
    );
    expect(expected.filter((row) => !delivered.has(row.id))).toEqual([]);
  }, 120_000);

  it('incoming: every order answered 2xx is stored, no queued confirmation stays claimed, all reach outgoing after a restart', async () => {
    const incoming = await start('incoming');
    const runId = prefix.slice(-9, -1);
    await waitUntilTaking(
      `${incoming.url}/v1/orders`,
      {
        customerId: customerIds[0],
        orderId: `ORD-${runId}-probe`,
        productId: 'SKU-1',
        payment: { method: 'upi', amount: '499.00', currency: 'INR' },
      },
      201,
    );
    const load = runLoad(
      `${incoming.url}/v1/orders`,
      (i) => ({
        customerId: customerIds[i % CUSTOMERS],
        orderId: `ORD-${runId}-${i}`,
        productId: 'SKU-1',
        payment: { method: 'upi', amount: '499.00', currency: 'INR' },
      }),
      6,
      () => incoming.child.exitCode !== null,
      3_000,
    );
    await waitUntil(
      () => load.outcomes.filter((o) => o.status === 201).length >= 20 && load.inFlight > 0,
      'confirmed orders and orders in flight',
      20_000,
      () => loadReport(load),
    );
    const inFlightAtSignal = load.inFlight;
    const exitCode = await terminate(incoming);
    await load.done;

    expect(exitCode, incoming.output()).toBe(0);
    expect(inFlightAtSignal).toBeGreaterThan(0);
    const statuses = new Set(load.outcomes.map((o) => o.status));
    expect([...statuses].filter((s) => s !== 201 && s !== 503 && s !== 'network-error')).toEqual(
      [],
    );

    const accepted = load.outcomes
      .filter((o) => o.status === 201)
      .map((o) => (o.body as { orderId: string }).orderId);
    const stored = await query<{ order_id: string }>(
      'incoming',
      'SELECT order_id FROM customer_order WHERE order_id IN (?)',
      [accepted],
    );
    expect(stored.length).toBe(accepted.length);
    for (const table of ['pending_order', 'confirmation_outbox']) {
      expect(
        await query('incoming', `SELECT order_id FROM ${table} WHERE locked_by IS NOT NULL`),
      ).toEqual([]);
    }

    // After a restart, every confirmed order's confirmation is (or becomes) a message.
    await start('incoming');
    await waitUntil(
      async () => {
        const rows = await query<{ order_id: string }>(
          'outgoing',
          "SELECT order_id FROM message WHERE kind = 'order-confirmation' AND order_id IN (?)",
          [accepted],
        );
        return rows.length === accepted.length;
      },
      'a confirmation message for every confirmed order',
      60_000,
    );
  }, 120_000);
});
