import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
// e2e/ is not a workspace package, so the kit's testing helpers are imported by path (as
// vitest.config.ts does with the kit's global setup, which also declares `mysqlUrl`).
import type {} from '../packages/service-kit/src/testing/global-setup.ts';
import {
  dropTestDatabases,
  uniqueDatabasePrefix,
  freePorts,
} from '../packages/service-kit/src/testing/index.ts';
import type { E2eStack } from './support/context.ts';
import { startWebhookReceiver } from './support/webhook-receiver.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The business calendar of every e2e run: Mon–Fri 09:00–18:00 in London, closed on
 * Christmas Day, Boxing Day (observed on Monday 28 December 2026) and New Year's Day.
 */
export const E2E_BUSINESS_CALENDAR = {
  timeZone: 'Europe/London',
  weekly: {
    mon: [{ start: '09:00', end: '18:00' }],
    tue: [{ start: '09:00', end: '18:00' }],
    wed: [{ start: '09:00', end: '18:00' }],
    thu: [{ start: '09:00', end: '18:00' }],
    fri: [{ start: '09:00', end: '18:00' }],
    sat: [],
    sun: [],
  },
  closures: ['2026-12-25', '2026-12-28', '2027-01-01'],
};

const READY_TIMEOUT_MS = 90_000;
// Longer than the stack runner's own SIGTERM→SIGKILL grace, so it can clean up its children first.
const STOP_TIMEOUT_MS = 40_000;

/**
 * Starts the whole stack exactly as `pnpm start` does (`node scripts/start-stack.ts`) on
 * free ports, in databases of its own, with the test clock, API keys, a fixed business
 * calendar and a signed-webhook receiver; waits until the gateway is ready; provides
 * `inject('e2e')`; and at the end stops the stack and drops its databases.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mysqlUrl = project.getProvidedContext().mysqlUrl;
  const databasePrefix = uniqueDatabasePrefix('e2e');
  const webhookSecret = `whsec-${randomBytes(16).toString('hex')}`;
  const apiKey = `e2e-${randomBytes(16).toString('hex')}`;
  const receiver = await startWebhookReceiver(webhookSecret);
  const [gatewayPort, customerPort, outgoingPort, incomingPort] = await freePorts(4);
  const serviceUrls = {
    customer: `http://127.0.0.1:${customerPort}`,
    outgoing: `http://127.0.0.1:${outgoingPort}`,
    incoming: `http://127.0.0.1:${incomingPort}`,
  };
  const businessCalendar = JSON.stringify(E2E_BUSINESS_CALENDAR);
  const stackLogPath = join(tmpdir(), `screenmagic-${databasePrefix}stack.log`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    MYSQL_URL: mysqlUrl,
    MYSQL_DATABASE_PREFIX: databasePrefix,
    CUSTOMER_SERVICE_URL: serviceUrls.customer,
    OUTGOING_SERVICE_URL: serviceUrls.outgoing,
    INCOMING_SERVICE_URL: serviceUrls.incoming,
    GATEWAY_PORT: String(gatewayPort),
    HOST: '127.0.0.1',
    GATEWAY_API_KEYS: apiKey,
    RATE_LIMIT_PER_MINUTE: '100000',
    TEST_CLOCK: '1',
    // Until the first test sets it, every service's clock stands here (Monday 30 November
    // 2026, 09:00 London), not at the real time: nothing runs at the date of the run.
    TEST_CLOCK_START: '2026-11-30T09:00:00.000Z',
    BUSINESS_CALENDAR: businessCalendar,
    DELIVERY_WEBHOOK_URL: `${receiver.url}/webhook`,
    DELIVERY_WEBHOOK_SECRET: webhookSecret,
    LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'info',
  };
  delete env['PORT'];
  delete env['BUSINESS_CALENDAR_FILE'];
  delete env['DISPATCH_RATE_PER_SECOND'];

  const logFd = openSync(stackLogPath, 'w');
  const stack = spawn(process.execPath, ['scripts/start-stack.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const stackExit = new Promise<number | null>((resolve) =>
    stack.once('exit', (code) => resolve(code)),
  );

  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  try {
    await waitUntilReady(gatewayUrl, stackExit, stackLogPath);
  } catch (error) {
    await stopStack(stack, stackExit);
    await receiver.close();
    await dropTestDatabases(new URL(mysqlUrl), databasePrefix);
    throw error;
  }

  const context: E2eStack = {
    gatewayUrl,
    apiKey,
    serviceUrls,
    webhookUrl: receiver.url,
    webhookSecret,
    businessCalendar,
    databasePrefix,
    stackLogPath,
  };
  project.provide('e2e', context);

  return async () => {
    const code = await stopStack(stack, stackExit);
    await receiver.close();
    await dropTestDatabases(new URL(mysqlUrl), databasePrefix);
    if (code !== 0) {
      throw new Error(
        `the stack did not stop cleanly (exit ${code}); its output: ${stackLogPath}\n${tail(stackLogPath)}`,
      );
    }
  };
}

async function waitUntilReady(
  gatewayUrl: string,
  stackExit: Promise<number | null>,
  logPath: string,
): Promise<void> {
  let exited: number | null | undefined;
  void stackExit.then((code) => (exited = code));
  const deadline = performance.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (performance.now() < deadline) {
    if (exited !== undefined) {
      throw new Error(
        `the stack exited (code ${exited}) before it was ready; its output:\n${tail(logPath)}`,
      );
    }
    try {
      const response = await fetch(`${gatewayUrl}/readyz`, { signal: AbortSignal.timeout(3_000) });
      last = `${response.status} ${await response.text()}`;
      if (response.status === 200) return;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `the stack was not ready within ${READY_TIMEOUT_MS} ms (last /readyz: ${last}); its output:\n${tail(logPath)}`,
  );
}

async function stopStack(
  stack: ChildProcess,
  exit: Promise<number | null>,
): Promise<number | null> {
  if (stack.exitCode !== null) return stack.exitCode;
  stack.kill('SIGTERM');
  const timer = setTimeout(() => stack.kill('SIGKILL'), STOP_TIMEOUT_MS);
  try {
    return await exit;
  } finally {
    clearTimeout(timer);
  }
}

function tail(path: string, lines = 60): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}
