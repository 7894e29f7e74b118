import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type App, mysqlOptions, SettableClock } from '@screenmagic/service-kit';
import { createConnection } from 'mysql2/promise';
import {
  dropTestDatabases,
  TEST_INTERNAL_TOKEN,
  testMysqlUrl,
  uniqueDatabasePrefix,
} from '@screenmagic/service-kit/testing';
import { freePort, waitUntilReady } from '@screenmagic/service-kit/testing/net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import type { Channel, Delivery } from '../src/clients/channel.ts';
import { readConfig } from '../src/config.ts';
import { BUSINESS_CALENDAR_INPUT } from './support/calendars.ts';

const MONDAY_10 = '2026-11-30T10:00:00.000Z';
const CUSTOMER_SERVER = fileURLToPath(new URL('../../customer/src/server.ts', import.meta.url));
const BOUND_MS = 1_000;
const CUSTOMERS = 80;

/** A channel whose every delivery takes `ms`, recording when each began (real time). */
class TimedChannel implements Channel {
  readonly name = 'timed';
  readonly started: Array<{ at: number; delivery: Delivery }> = [];
  async deliver(delivery: Delivery): Promise<void> {
    this.started.push({ at: Date.now(), delivery });
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  async close(): Promise<void> {}
}

/**
 * The customer service in a process of its own that the test freezes (SIGSTOP): it stops
 * answering, connections stay open and requests hang — longer than the replica's bound —
 * while the dispatcher has work left.
 */
describe('a customer service that stops answering', () => {
  const prefix = uniqueDatabasePrefix('stale');
  const channel = new TimedChannel();
  let customer: ChildProcess | undefined;
  let customerUrl = '';
  let outgoing: App | undefined;
  let stderr = '';

  beforeAll(async () => {
    const port = await freePort();
    customerUrl = `http://127.0.0.1:${port}`;
    customer = spawn(process.execPath, [CUSTOMER_SERVER], {
      env: {
        ...process.env,
        MYSQL_URL: testMysqlUrl().href,
        MYSQL_DATABASE_PREFIX: prefix,
        BUSINESS_CALENDAR: JSON.stringify(BUSINESS_CALENDAR_INPUT),
        INTERNAL_TOKEN: TEST_INTERNAL_TOKEN,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    customer.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const child = customer;
    await waitUntilReady(`${customerUrl}/readyz`, {
      timeoutMs: 60_000,
      exited: () => child.exitCode !== null,
    }).catch((error: unknown) => {
      throw new Error(`the customer service did not start: ${stderr}`, { cause: error });
    });
    for (let i = 0; i < CUSTOMERS; i++) {
      const response = await fetch(`${customerUrl}/v1/customers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: `Stale ${i}`,
          workingHours: { timeZone: 'Europe/London', start: '09:00', end: '17:00' },
        }),
      });
      expect(response.status).toBe(201);
    }
    const clock = new SettableClock();
    clock.set(new Date(MONDAY_10));
    outgoing = await buildApp(
      readConfig({
        MYSQL_URL: testMysqlUrl().href,
        MYSQL_DATABASE_PREFIX: prefix,
        TEST_CLOCK: '1',
        HOST: '127.0.0.1',
        INTERNAL_TOKEN: TEST_INTERNAL_TOKEN,
        CUSTOMER_SERVICE_URL: customerUrl,
        // A hung request is given up on only after 10 s: the bound, not the timeout, stops sending.
        UPSTREAM_TIMEOUT_MS: '10000',
        REPLICA_MAX_STALENESS_MS: String(BOUND_MS),
        REPLICA_POLL_INTERVAL_MS: '100',
        DISPATCHER_WORKERS: '1',
        DISPATCH_BATCH_SIZE: '4',
        DISPATCH_CONCURRENCY: '1',
        DISPATCH_POLL_INTERVAL_MS: '50',
      }),
      false,
      { clock, channel, instanceId: 'stale' },
    );
    await outgoing.ready();
  }, 120_000);

  afterAll(async () => {
    if (customer?.pid !== undefined && customer.exitCode === null) {
      customer.kill('SIGCONT');
      customer.kill('SIGKILL');
    }
    await outgoing?.close();
    await dropTestDatabases(testMysqlUrl(), prefix);
  });

  it('makes the dispatcher stop sending within REPLICA_MAX_STALENESS_MS, and resume once it answers', async () => {
    const app = outgoing as App;
    const accepted = await app.inject({
      method: 'POST',
      url: '/v1/broadcasts',
      payload: { message: 'Until the feed goes quiet', category: 'transactional' },
    });
    expect(accepted.statusCode, accepted.body).toBe(202);
    await expect.poll(() => channel.started.length, { timeout: 30_000 }).toBeGreaterThan(4);

    process.kill(customer?.pid ?? 0, 'SIGSTOP');
    const stoppedAt = Date.now();
    // Twice the bound: long enough for any batch read on a fresh replica to finish.
    await new Promise((resolve) => setTimeout(resolve, 2 * BOUND_MS + 500));
    const duringStop = channel.started.length;
    // A batch that read the replica just before the bound may still be delivering (4 × 25
    // ms, more on a loaded machine): nothing may begin later than that.
    const lastStart = Math.max(...channel.started.map((s) => s.at));
    expect(lastStart - stoppedAt).toBeLessThanOrEqual(BOUND_MS + 750);
    expect(duringStop).toBeLessThan(CUSTOMERS);
    await new Promise((resolve) => setTimeout(resolve, BOUND_MS));
    expect(channel.started.length).toBe(duringStop);
    // The batches given back say why, once per message.
    const connection = await createConnection(mysqlOptions(testMysqlUrl(), `${prefix}outgoing`));
    try {
      const [rows] = await connection.query(
        `SELECT COUNT(*) AS n, COUNT(DISTINCT message_id) AS messages FROM message_event
         WHERE event = 'deferred' AND reason = 'CUSTOMER_SERVICE_UNAVAILABLE'`,
      );
      const [counts] = rows as Array<{ n: number; messages: number }>;
      expect(Number(counts?.n)).toBeGreaterThan(0);
      expect(Number(counts?.n)).toBe(Number(counts?.messages));
    } finally {
      await connection.end();
    }

    process.kill(customer?.pid ?? 0, 'SIGCONT');
    await expect
      .poll(() => new Set(channel.started.map((s) => s.delivery.messageId)).size, {
        timeout: 30_000,
      })
      .toBe(CUSTOMERS);
  }, 90_000);
});
