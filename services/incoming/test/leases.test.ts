import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { App } from '@screenmagic/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { readConfig } from '../src/config.ts';
import { GatedForwarder } from './support/gated-forwarder.ts';
import type { OrderView } from './support/replies.ts';
import { TestStack } from './support/stack.ts';

const payment = { method: 'upi', amount: '250.00', currency: 'INR' };
const SATURDAY = '2026-12-05T05:30:00.000Z';
const OPENING = '2026-12-07T03:30:00.000Z'; // Monday 09:00 in Kolkata
const CHILD = fileURLToPath(new URL('./support/worker-child.ts', import.meta.url));

async function placePending(stack: TestStack, ids: readonly string[]): Promise<void> {
  for (const orderId of ids) {
    const response = await stack.incoming.inject({
      method: 'POST',
      url: '/v1/orders',
      payload: { customer: 'Asha Rao', orderId, productId: 'SKU-1', payment },
    });
    expect(response.statusCode).toBe(202);
  }
}

async function heldBy(stack: TestStack, owner: string): Promise<number> {
  const rows = await stack.incoming.incoming.db
    .selectFrom('pending_order')
    .select('order_id')
    .where('locked_by', '=', owner)
    .execute();
  return rows.length;
}

describe('an order worker killed mid-batch (SIGKILL)', () => {
  const LEASE_MS = 3_000;
  let stack: TestStack;
  let upstream: GatedForwarder;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    stack = await TestStack.start('wkill', {
      incomingEnv: {
        ORDER_WORKER_LOCK_TIMEOUT_MS: String(LEASE_MS),
        ORDER_WORKER_POLL_INTERVAL_MS: '100',
      },
    });
    upstream = await GatedForwarder.start('http://127.0.0.1:9', { hang: true });
    await stack.addCustomer({ name: 'Asha Rao', workingHours: { start: '08:00', end: '22:00' } });
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await upstream?.close();
    await stack?.close();
  });

  it('leaves its orders to a live worker once the lease expires, each confirmed once', async () => {
    await stack.setClock(SATURDAY);
    const ids = Array.from({ length: 8 }, (_, i) => `K-${i}`);
    await placePending(stack, ids);

    // The child claims all eight at the opening and hangs handing them over.
    let stderr = '';
    child = spawn(process.execPath, [CHILD], {
      env: {
        ...process.env,
        ...stack.env,
        OUTGOING_SERVICE_URL: upstream.url,
        UPSTREAM_TIMEOUT_MS: '120000',
        ORDER_WORKER: 'on',
        CHILD_NOW: OPENING,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      // Starting a process that loads the service takes seconds on a busy machine.
      await expect.poll(() => upstream.received, { timeout: 45_000 }).toBeGreaterThan(0);
      await expect.poll(() => heldBy(stack, 'child')).toBe(8);
    } catch (error) {
      throw new Error(
        `the child did not start its batch (exit code ${child.exitCode}); its stderr: ${stderr}`,
        { cause: error },
      );
    }

    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const killedAt = performance.now();
    // Its lease was renewed by its heartbeat (every second) until the kill: still held.
    expect(await heldBy(stack, 'child')).toBe(8);

    // The live worker (polling every 100 ms) sees them due as soon as its clock says so,
    // and takes them once the dead worker's lease has expired on the database's clock.
    await stack.setClock(OPENING);
    await expect.poll(() => heldBy(stack, 'child'), { interval: 50, timeout: 20_000 }).toBe(0);
    const pickedUpMs = performance.now() - killedAt;
    expect(pickedUpMs).toBeLessThanOrEqual(LEASE_MS + 1_500);

    const confirmed = async () => {
      const orders = await Promise.all(ids.map((id) => stack.order(id)));
      return orders.filter((order) => order.status === 'confirmed');
    };
    await expect.poll(async () => (await confirmed()).length, { timeout: 15_000 }).toBe(8);
    const orders = await confirmed();
    expect(orders.every((order) => order.confirmedAt === OPENING)).toBe(true);
    expect(new Set(orders.map((order) => order.confirmationMessageId)).size).toBe(8);
  }, 90_000);
});

describe('a live order worker under a frozen test clock', () => {
  const LEASE_MS = 1_000;
  let stack: TestStack;
  let gate: GatedForwarder;
  let live: App;

  beforeAll(async () => {
    // The stack's own incoming service only runs due work when asked (run-due).
    stack = await TestStack.start('wlive', {
      incomingEnv: {
        ORDER_WORKER: 'off',
        ORDER_WORKER_LOCK_TIMEOUT_MS: String(LEASE_MS),
        ORDER_WORKER_POLL_INTERVAL_MS: '100',
      },
    });
    gate = await GatedForwarder.start(stack.outgoingProxy.url);
    live = await buildApp(
      readConfig({
        ...stack.env,
        ORDER_WORKER: 'on',
        OUTGOING_SERVICE_URL: gate.url,
        UPSTREAM_TIMEOUT_MS: '60000',
      }),
      false,
      { workerId: 'live' },
    );
    await live.ready();
    await stack.addCustomer({ name: 'Asha Rao', workingHours: { start: '08:00', end: '22:00' } });
  });
  afterAll(async () => {
    gate?.open();
    await live?.close();
    await gate?.close();
    await stack?.close();
  });

  it('keeps its claims however far the clock moves while it works, and confirms each order once', async () => {
    await stack.setClock(SATURDAY, live);
    const ids = Array.from({ length: 5 }, (_, i) => `L-${i}`);
    await placePending(stack, ids);

    // At the opening the live worker claims the five; their hand-overs wait at the gate.
    await stack.setClock(OPENING, live);
    await expect.poll(() => heldBy(stack, 'live'), { timeout: 10_000 }).toBe(5);
    await expect.poll(() => gate.received, { timeout: 10_000 }).toBeGreaterThan(0);

    // The test clock jumps a day ahead (past any lease measured on it) and stays frozen
    // there, and three leases of real time pass: the claims stay the live worker's, since
    // leases run on the database's clock and its heartbeat renews them.
    await stack.setClock('2026-12-08T03:30:00.000Z', live);
    const until = performance.now() + 3 * LEASE_MS;
    while (performance.now() < until) {
      expect(await stack.runDue()).toEqual({
        confirmed: 0,
        handedOver: 0,
        retried: 0,
        corrected: 0,
      });
      expect(await heldBy(stack, 'live')).toBe(5);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    gate.open();
    const orderOf = (id: string) => stack.order(id);
    await expect
      .poll(
        async () => (await Promise.all(ids.map(orderOf))).every((o) => o.status === 'confirmed'),
        {
          timeout: 15_000,
        },
      )
      .toBe(true);
    const orders: OrderView[] = await Promise.all(ids.map(orderOf));
    expect(new Set(orders.map((order) => order.confirmationMessageId)).size).toBe(5);
    expect(await stack.runDue()).toEqual({ confirmed: 0, handedOver: 0, retried: 0, corrected: 0 });
    expect(live.incoming.worker.counts.confirmed).toBe(5);
  });
});
