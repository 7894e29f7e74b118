import type { App } from '@screenmagic/service-kit';
import {
  acceptedInstant,
  INTERNAL_AUTH_HEADERS,
  refusedInstant,
} from '@screenmagic/service-kit/testing';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorReply } from './support/replies.ts';
import { TestStack } from './support/stack.ts';

// Monday 7 December 2026, 10:00 in Kolkata.
const MONDAY_OPEN = '2026-12-07T04:30:00.000Z';
const NOW_MS = Date.parse(MONDAY_OPEN);
const DAY_MS = 86_400_000;
const payment = { method: 'upi', amount: '499.00', currency: 'INR' };
const RANGE = 'must be from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z';
/** Property runs per route: each is a few requests against the real services. */
const RUNS = 30;

/**
 * Every instant the schemas accept, through the real services and their real databases:
 * no route answers a 5xx for one (the library, the database and the formatting that
 * follow an accepted instant all hold at both ends of the range), and every instant they
 * refuse is a 400 naming the field.
 */
describe('instants at and inside the accepted range never produce a 5xx', () => {
  let stack: TestStack;
  let customerIds: string[];
  let serial = 0;

  beforeAll(async () => {
    stack = await TestStack.start('instant-bounds');
    const customers = await Promise.all([
      stack.addCustomer({ name: 'Asha Rao', workingHours: { start: '08:00', end: '22:00' } }),
      stack.addCustomer({
        name: 'Kiri Tabai',
        timeZone: 'Pacific/Kiritimati',
        workingHours: { start: '22:00', end: '02:00', days: ['sat', 'sun'] },
      }),
      stack.addCustomer({
        name: 'Lee Chen',
        timeZone: 'America/Los_Angeles',
        workingHours: { start: '09:00', end: '17:00' },
      }),
    ]);
    customerIds = customers.map((customer) => customer.id);
    await stack.setClock(MONDAY_OPEN);
  });
  afterAll(() => stack?.close());

  async function answer(
    app: App,
    options: InjectOptions & { readonly method: string; readonly url: string },
  ): Promise<LightMyRequestResponse> {
    const response = await app.inject(options);
    expect(response.statusCode, `${options.method} ${options.url}: ${response.body}`).toBeLessThan(
      500,
    );
    if (response.statusCode >= 400) {
      expect(response.json<ErrorReply>().error.code).toMatch(/^[A-Z_]+$/);
    }
    return response;
  }

  async function expectRefused(app: App, options: InjectOptions, field: string): Promise<void> {
    const response = await app.inject(options);
    expect(response.statusCode, response.body).toBe(400);
    const { error } = response.json<ErrorReply>();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((detail) => detail.field)).toContain(field);
  }

  it('broadcasts: any sendAt and expiresAt', async () => {
    const statuses: number[] = [];
    const expiry = fc.oneof(
      fc.constant(undefined),
      acceptedInstant(),
      fc.integer({ min: 1, max: 40 * DAY_MS }),
    );
    await fc.assert(
      fc.asyncProperty(
        acceptedInstant(),
        expiry,
        fc.constantFrom('reject', 'queue'),
        async (sendAt, expires, onClosedDay) => {
          const expiresAt =
            typeof expires === 'number'
              ? new Date(Math.max(Date.parse(sendAt), NOW_MS) + expires).toISOString()
              : expires;
          const response = await answer(stack.outgoing, {
            method: 'POST',
            url: '/v1/broadcasts',
            payload: { message: 'Hello', sendAt, onClosedDay, ...(expiresAt ? { expiresAt } : {}) },
          });
          statuses.push(response.statusCode);
        },
      ),
      { numRuns: RUNS },
    );
    // The property is about accepted broadcasts, not only about refusals.
    expect(statuses).toContain(202);
  });

  it('orders: any placedAt', async () => {
    await fc.assert(
      fc.asyncProperty(acceptedInstant(), fc.boolean(), async (placedAt, byId) => {
        await answer(stack.incoming, {
          method: 'POST',
          url: '/v1/orders',
          payload: {
            ...(byId ? { customerId: customerIds[1] } : { customer: 'Asha Rao' }),
            orderId: `ORD-${++serial}`,
            productId: 'SKU-9',
            payment,
            placedAt,
          },
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('delivery windows: any from, with or without to', async () => {
    await fc.assert(
      fc.asyncProperty(
        acceptedInstant(),
        fc.option(acceptedInstant(), { nil: undefined }),
        fc.constantFrom(...[0, 1, 2]),
        async (from, to, which) => {
          const query = new URLSearchParams({ from, ...(to ? { to } : {}) });
          await answer(stack.customer, {
            method: 'GET',
            url: `/v1/customers/${customerIds[which]}/windows?${query.toString()}`,
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the test clock: any now, then everything due runs on every service', async () => {
    await fc.assert(
      fc.asyncProperty(acceptedInstant(), async (now) => {
        for (const app of [stack.customer, stack.outgoing, stack.incoming]) {
          const set = await answer(app, {
            method: 'POST',
            url: '/internal/test/clock',
            headers: INTERNAL_AUTH_HEADERS,
            payload: { now },
          });
          expect(set.statusCode).toBe(200);
        }
        for (const app of [stack.incoming, stack.outgoing]) {
          const ran = await answer(app, {
            method: 'POST',
            url: '/internal/test/run-due',
            headers: INTERNAL_AUTH_HEADERS,
          });
          expect(ran.statusCode).toBe(200);
        }
        // What the clock now says is read back by every route that defaults to now.
        await answer(stack.outgoing, {
          method: 'POST',
          url: '/v1/broadcasts',
          payload: { message: 'Now', onClosedDay: 'queue' },
        });
        await answer(stack.customer, {
          method: 'GET',
          url: `/v1/customers/${customerIds[0]}/windows`,
        });
        await answer(stack.customer, { method: 'GET', url: '/v1/business-calendar' });
      }),
      { numRuns: RUNS },
    );
    await stack.setClock(MONDAY_OPEN);
  });

  it('refuses every other instant with a 400 naming the field and nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(refusedInstant(), async (text) => {
        await expectRefused(
          stack.outgoing,
          { method: 'POST', url: '/v1/broadcasts', payload: { message: 'x', sendAt: text } },
          'sendAt',
        );
        await expectRefused(
          stack.outgoing,
          {
            method: 'POST',
            url: '/v1/broadcasts',
            payload: { message: 'x', sendAt: MONDAY_OPEN, expiresAt: text },
          },
          'expiresAt',
        );
        const orderId = `ORD-refused-${++serial}`;
        await expectRefused(
          stack.incoming,
          {
            method: 'POST',
            url: '/v1/orders',
            payload: { customer: 'Asha Rao', orderId, productId: 'P', payment, placedAt: text },
          },
          'placedAt',
        );
        expect((await stack.incoming.inject({ url: `/v1/orders/${orderId}` })).statusCode).toBe(
          404,
        );
        for (const field of ['from', 'to']) {
          await expectRefused(
            stack.customer,
            {
              method: 'GET',
              url: `/v1/customers/${customerIds[0]}/windows?${new URLSearchParams({ [field]: text }).toString()}`,
            },
            field,
          );
        }
        await expectRefused(
          stack.incoming,
          {
            method: 'POST',
            url: '/internal/test/clock',
            headers: INTERNAL_AUTH_HEADERS,
            payload: { now: text },
          },
          'now',
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('accepts both ends of the range, including openings that fall in 2100', async () => {
    const last = await answer(stack.outgoing, {
      method: 'POST',
      url: '/v1/broadcasts',
      payload: { message: 'Last', sendAt: '2099-12-31T23:59:59.999Z', onClosedDay: 'queue' },
    });
    expect(last.statusCode, last.body).toBe(202);
    const recipients = last.json<{ recipients: { status: string; scheduledFor: string }[] }>()
      .recipients;
    expect(recipients.map((r) => r.status)).toContain('scheduled');
    expect(recipients.map((r) => r.scheduledFor).filter((at) => at > '2100')).not.toEqual([]);

    const first = await answer(stack.incoming, {
      method: 'POST',
      url: '/v1/orders',
      payload: {
        customer: 'Asha Rao',
        orderId: `ORD-${++serial}`,
        productId: 'SKU-9',
        payment,
        placedAt: '2000-01-01T00:00:00.000Z',
      },
    });
    // Saturday 1 January 2000 in Kolkata: pending until Monday 3 January 09:00.
    expect(first.json()).toMatchObject({
      status: 'pending',
      processingAt: '2000-01-03T03:30:00.000Z',
    });

    const windows = await answer(stack.customer, {
      method: 'GET',
      url: `/v1/customers/${customerIds[0]}/windows?from=2099-12-31T23:59:59.999Z`,
    });
    expect(windows.json()).toMatchObject({ to: '2100-01-07T23:59:59.999Z' });
  });

  it('answers the instants of the report with 400s naming the range (not a 500, not a 202)', async () => {
    for (const sendAt of ['9999-12-31T23:59:59Z', '3000-01-01T10:00:00Z']) {
      const response = await stack.outgoing.inject({
        method: 'POST',
        url: '/v1/broadcasts',
        payload: { message: 'Hello', sendAt, onClosedDay: 'queue' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorReply>().error.details).toEqual([
        { field: 'sendAt', message: `${JSON.stringify(sendAt)} is out of range: ${RANGE}` },
      ]);
    }
  });
});
