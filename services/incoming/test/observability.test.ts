import { startTracing } from '@screenmagic/service-kit';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overduePendingQuery, pendingOrdersQuery } from '../src/db/order-stats.ts';
import { TestStack } from './support/stack.ts';

const payment = { method: 'upi', amount: '250.00', currency: 'INR' };
const TRACE_ID = '8a3c60f7d188f8fa79d48a391a778fa6';
const CALLER = `00-${TRACE_ID}-53995c3f42cd8ad8-01`;
// Saturday 12 December 2026, 05:30Z: the business (Mon–Fri, Kolkata) is closed.
const SATURDAY = '2026-12-12T05:30:00.000Z';
const MONDAY_OPENING = '2026-12-14T03:30:00.000Z';

function sample(text: string, series: string): number | undefined {
  const escaped = series.replace(/[{}"\\]/g, (c) => `\\${c}`);
  const match = new RegExp(`^${escaped} (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : undefined;
}

describe('incoming metrics and tracing', () => {
  let stack: TestStack;

  beforeAll(async () => {
    await startTracing('incoming', {});
    stack = await TestStack.start('obs', {
      // The worker runs only when the test asks (run-due).
      incomingDeps: { runWorker: false, metricsTtlMs: 0 },
    });
    await stack.addCustomer({ name: 'Asha Rao', workingHours: { start: '08:00', end: '22:00' } });
  });
  afterAll(() => stack?.close());

  const scrape = async (): Promise<string> => {
    const response = await stack.incoming.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  it('shows pending orders, and those overdue by the service clock', async () => {
    await stack.setClock(SATURDAY);
    for (const orderId of ['OBS-1', 'OBS-2']) {
      const response = await stack.incoming.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: { traceparent: CALLER },
        payload: { customer: 'Asha Rao', orderId, productId: 'SKU-1', payment },
      });
      expect(response.statusCode).toBe(202);
    }
    let text = await scrape();
    expect(sample(text, 'screenmagic_orders{status="pending"}')).toBe(2);
    expect(sample(text, 'screenmagic_pending_overdue')).toBe(0);

    // Monday's opening has passed and nothing processed them: both are overdue.
    await stack.setClock('2026-12-14T03:31:00.000Z');
    text = await scrape();
    expect(sample(text, 'screenmagic_pending_overdue')).toBe(2);

    expect(await stack.runDue()).toMatchObject({ confirmed: 2 });
    text = await scrape();
    expect(sample(text, 'screenmagic_orders{status="pending"}')).toBe(0);
    expect(sample(text, 'screenmagic_pending_overdue')).toBe(0);
  });

  it("hands a pending order's confirmation over in the trace of the request that placed it", async () => {
    // What the (real) outgoing service stored for the confirmation, read from its database.
    const stored = await sql<{ trace_parent: string | null }>`
      SELECT trace_parent FROM ${sql.table(`${stack.prefix}outgoing.message`)}
      WHERE order_id = 'OBS-1'`.execute(stack.incoming.incoming.db);
    expect(stored.rows[0]?.trace_parent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
  });

  it('counts with index ranges, never a table scan', async () => {
    const db = stack.incoming.incoming.db;
    for (const query of [
      pendingOrdersQuery(db),
      overduePendingQuery(db, new Date(MONDAY_OPENING)),
    ]) {
      const compiled = query.compile();
      const plan = await db.executeQuery<Record<string, unknown>>(
        CompiledQuery.raw(`EXPLAIN ${compiled.sql}`, [...compiled.parameters]),
      );
      for (const step of plan.rows) {
        expect(step['type'], `${compiled.sql}: ${JSON.stringify(step)}`).toMatch(/^(range|ref)$/);
        expect(String(step['Extra']), compiled.sql).toContain('Using index');
      }
    }
  });
});
