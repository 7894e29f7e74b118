import type { App } from '@screenmagic/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { readConfig } from '../src/config.ts';
import { TestStack } from './support/stack.ts';

const payment = { method: 'upi', amount: '250.00', currency: 'INR' };

describe('ORDER_WORKER splits the API and the worker into deployments', () => {
  let stack: TestStack;
  let workerOnly: App;

  beforeAll(async () => {
    stack = await TestStack.start('workermode', {
      incomingEnv: { ORDER_WORKER: 'off', ORDER_WORKER_POLL_INTERVAL_MS: '50' },
    });
    await stack.addCustomer({ name: 'Asha Rao', workingHours: { start: '08:00', end: '22:00' } });
  });
  afterAll(async () => {
    await workerOnly?.close();
    await stack?.close();
  });

  it('off: the API takes orders but leaves due ones to the worker deployment', async () => {
    // Saturday: pending until Monday 09:00 Kolkata (03:30Z); then the clock passes it.
    await stack.setClock('2026-12-05T06:00:00Z');
    const placed = await stack.incoming.inject({
      method: 'POST',
      url: '/v1/orders',
      payload: { customer: 'Asha Rao', orderId: 'mode-1', productId: 'SKU-1', payment },
    });
    expect(placed.statusCode).toBe(202);
    await stack.setClock('2026-12-07T04:00:00Z');
    await new Promise((resolve) => setTimeout(resolve, 300)); // six of its poll intervals
    expect((await stack.order('mode-1')).status).toBe('pending');
  });

  it('only: the worker alone confirms what is due and serves no order routes', async () => {
    // Its clock starts where the order was placed (nothing due), never at the real date:
    // a first poll at the real time would confirm the order once Monday 7 December passed.
    workerOnly = await buildApp(
      readConfig({ ...stack.env, ORDER_WORKER: 'only', TEST_CLOCK_START: '2026-12-05T06:00:00Z' }),
      false,
    );
    await workerOnly.ready();
    await stack.setClock('2026-12-07T04:00:00Z', workerOnly);
    const ran = await stack.runDue(workerOnly);
    expect(ran['confirmed']).toBe(1);
    expect((await stack.order('mode-1')).status).toBe('confirmed');
    const route = await workerOnly.inject({ method: 'GET', url: '/v1/orders/mode-1' });
    expect(route.statusCode).toBe(404);
    expect((await workerOnly.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });
});
