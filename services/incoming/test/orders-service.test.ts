import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { readConfig } from '../src/config.ts';
import type { ErrorReply } from './support/replies.ts';
import { TestStack } from './support/stack.ts';

// Monday 7 December 2026, 10:00 in Kolkata: the business is open.
const MONDAY_OPEN = '2026-12-07T04:30:00.000Z';
const payment = { method: 'upi', amount: '499.00', currency: 'INR' };
const valid = { customer: 'Asha Rao', productId: 'SKU-9', payment };
let serial = 0;
const nextOrderId = () => `SVC-${++serial}`;

/** The orders API as a service: ids in URLs, 404s, health, its documented routes, a 503. */
describe('orders API, the service around it', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start('orders_service');
    await stack.addCustomer({ name: 'Asha Rao', workingHours: { start: '08:00', end: '22:00' } });
    await stack.setClock(MONDAY_OPEN);
  });
  afterAll(() => stack?.close());

  const post = (payload: unknown) =>
    stack.incoming.inject({ method: 'POST', url: '/v1/orders', payload: payload as object });

  it('rejects an orderId that cannot be used in a URL', async () => {
    const response = await post({ ...valid, orderId: 'order 1/2' });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorReply>().error.details[0]?.field).toBe('orderId');
  });

  it('answers 404 in the envelope for an order that does not exist', async () => {
    const response = await stack.incoming.inject({ method: 'GET', url: '/v1/orders/NOPE-1' });
    expect(response.statusCode).toBe(404);
    const body = response.json<ErrorReply>();
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.requestId).toBe(response.headers['x-request-id']);
  });

  it('is live and ready with its database, and documents its public routes only', async () => {
    expect((await stack.incoming.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const ready = await stack.incoming.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json<object>()).toMatchObject({ status: 'ready', checks: { database: 'ok' } });
    const openapi = (await stack.incoming.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: object;
    }>();
    expect(Object.keys(openapi.paths).sort()).toEqual([
      '/incomings',
      '/v1/inbound-messages',
      '/v1/orders',
      '/v1/orders/{orderId}',
    ]);
  });

  it('answers 503 with Retry-After when the customer service is down, storing nothing', async () => {
    const isolated = await buildApp(
      readConfig({ ...stack.env, CUSTOMER_SERVICE_URL: 'http://127.0.0.1:1' }),
      false,
      { runWorker: false },
    );
    try {
      const orderId = nextOrderId();
      const response = await isolated.inject({
        method: 'POST',
        url: '/v1/orders',
        payload: { ...valid, orderId },
      });
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBeDefined();
      expect(response.json<ErrorReply>().error.code).toBe('DEPENDENCY_UNAVAILABLE');
      expect(
        (await isolated.inject({ method: 'GET', url: `/v1/orders/${orderId}` })).statusCode,
      ).toBe(404);
    } finally {
      await isolated.close();
    }
  });
});
