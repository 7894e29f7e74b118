import { createLogger, mysqlOptions, startTracing } from '@screenmagic/service-kit';
import { captureLogLines, EventsReceiver, testMysqlUrl } from '@screenmagic/service-kit/testing';
import { CompiledQuery, Kysely, MysqlDialect } from 'kysely';
import { createPool } from 'mysql2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { earliestDueQuery, unsentByStatusQuery } from '../src/db/message-stats.ts';
import { BUSINESS_CALENDAR_INPUT, schedules } from './support/calendars.ts';
import { OutgoingStack } from './support/outgoing-stack.ts';
import { WebhookReceiver } from './support/webhook-receiver.ts';

const MONDAY_10 = '2026-11-30T10:00:00.000Z';
const SECRET = 'observability-secret';
const TRACE_ID = '5bd66ef5095369c7b0d1f8f4bd33716a';
const CALLER = `00-${TRACE_ID}-c532cb4098ac3dd2-01`;
const EVENTS_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** One sample of the exposition text, by metric name and exact label set. */
function sample(text: string, series: string): number | undefined {
  const escaped = series.replace(/[{}"\\]/g, (c) => `\\${c}`);
  const match = new RegExp(`^${escaped} (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : undefined;
}

describe('outgoing metrics and tracing', () => {
  let receiver: WebhookReceiver;
  let events: EventsReceiver;
  let stack: OutgoingStack;
  const { lines, sink } = captureLogLines();

  beforeAll(async () => {
    await startTracing('outgoing', {});
    receiver = await WebhookReceiver.start(SECRET);
    events = await EventsReceiver.start([EVENTS_SECRET]);
    stack = await OutgoingStack.start('obs', {
      configuredChannel: true,
      deps: { queueMetricsTtlMs: 0 },
      logger: createLogger('outgoing', 'warn', sink),
      env: {
        DISPATCHER: 'off',
        DELIVERY_WEBHOOK_URL: receiver.url,
        DELIVERY_WEBHOOK_SECRET: SECRET,
        DELIVERY_WEBHOOK_TIMEOUT_MS: '1000',
        EVENTS_WEBHOOK_URL: events.url,
        EVENTS_WEBHOOK_SECRETS: EVENTS_SECRET,
        EVENTS_POLL_INTERVAL_MS: '20',
      },
    });
    await stack.addCustomer({ name: 'Lucy', workingHours: schedules.london });
    await stack.addCustomer({ name: 'Ben', workingHours: schedules.newYork });
  });
  afterAll(async () => {
    await stack?.close();
    await receiver?.close();
    await events?.close();
  });

  const scrape = async (): Promise<string> => {
    const response = await stack.outgoing.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  it('shows the queue by status and its lag by the service clock, and counts deliveries', async () => {
    await stack.setClock(MONDAY_10);
    const accepted = await stack.broadcast(
      { message: 'Traced', customers: ['Lucy', 'Ben'] },
      { traceparent: CALLER },
    );
    expect(accepted.statusCode).toBe(202);

    let text = await scrape();
    expect(sample(text, 'screenmagic_messages{status="sending"}')).toBe(1);
    expect(sample(text, 'screenmagic_messages{status="scheduled"}')).toBe(1);
    expect(sample(text, 'screenmagic_queue_lag_seconds')).toBe(0);

    await stack.setClock('2026-11-30T10:00:30.000Z');
    expect(sample(await scrape(), 'screenmagic_queue_lag_seconds')).toBe(30);

    expect(await stack.runDue()).toMatchObject({ delivered: 1 });
    text = await scrape();
    expect(sample(text, 'screenmagic_messages{status="sending"}')).toBe(0);
    expect(sample(text, 'screenmagic_messages{status="scheduled"}')).toBe(1);
    expect(sample(text, 'screenmagic_queue_lag_seconds')).toBe(0);
    expect(sample(text, 'screenmagic_deliveries_total{outcome="delivered"}')).toBe(1);
    expect(sample(text, 'screenmagic_deliveries_total{outcome="retry"}')).toBe(0);
    expect(sample(text, 'screenmagic_delivery_duration_seconds_count')).toBe(1);
    expect(text).toMatch(
      /^http_requests_total\{method="POST",route="\/v1\/broadcasts",status="202"\} 1$/m,
    );
  });

  it("delivers with the accepting request's trace id in the webhook's traceparent", () => {
    const delivery = receiver.delivered.at(-1);
    expect(delivery?.body['text']).toBe('Traced');
    expect(delivery?.traceparent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
    expect(delivery?.traceparent).not.toBe(CALLER);
  });

  it("sends the broadcast's status events with the accepting request's trace id in their traceparent", async () => {
    // Ben's message.scheduled is written by the accepting request, Lucy's
    // message.delivered by the dispatcher afterwards (from the broadcast's stored trace).
    await until(
      () =>
        events.events.some((e) => e.type === 'message.scheduled') &&
        events.events.some((e) => e.type === 'message.delivered'),
      'the scheduled and delivered events',
    );
    for (const type of ['message.scheduled', 'message.delivered']) {
      const event = events.events.find((e) => e.type === type);
      const traceparent = events.traceparents.get(event?.id ?? '');
      expect(traceparent, type).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
      // A span of its own under the caller's trace, not the caller's header passed on.
      expect(traceparent, type).not.toBe(CALLER);
    }
  });

  it('counts failed attempts as retries and reschedules', async () => {
    await stack.setClock('2026-11-30T11:00:00.000Z');
    const accepted = await stack.broadcast(
      { message: 'Fails once', customers: ['Lucy'] },
      { traceparent: CALLER },
    );
    expect(accepted.statusCode).toBe(202);
    receiver.respondWith.push(500);
    expect(await stack.runDue()).toMatchObject({ retried: 1 });
    // The failure's line is the message's, in the trace of the request that created it (not
    // the run-due request's, whose context the batch ran in).
    const messageId = accepted.json<{ recipients: { messageId: string }[] }>().recipients[0]
      ?.messageId;
    const failed = lines.find((line) => line['msg'] === 'delivery failed; will retry');
    expect(failed?.['messageId']).toBe(messageId);
    expect(failed?.['traceId']).toBe(TRACE_ID);
    const text = await scrape();
    expect(sample(text, 'screenmagic_deliveries_total{outcome="retry"}')).toBe(1);
    expect(sample(text, 'screenmagic_reschedules_total{reason="DELIVERY_FAILED"}')).toBe(1);
    // The old kebab-case labels are gone: every label is a SPEC §5 reason code.
    expect(text).not.toMatch(
      /screenmagic_reschedules_total\{reason="(window-closed|delivery-failed)"\}/,
    );
    expect(sample(text, 'screenmagic_delivery_duration_seconds_count')).toBe(2);
  });

  it('reads the gauges from the queue index alone, never a table scan', async () => {
    // Enough history that the optimizer's choice is the one production gets.
    await stack.query(
      `INSERT INTO message (id, kind, customer_id, customer_name, time_zone, hold_to_window,
         status, attempts, created_at, updated_at)
       WITH RECURSIVE n AS (SELECT 1 AS i UNION ALL SELECT i + 1 FROM n WHERE i < 500)
       SELECT CONCAT('msg_hist_', a.i, '_', b.i), 'broadcast', 'cus_x', 'X', 'UTC', 1,
         'delivered', 1, NOW(3), NOW(3)
       FROM n a JOIN (SELECT 1 AS i UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) b`,
    );
    await stack.query('ANALYZE TABLE message');
    const db = new Kysely<Database>({
      dialect: new MysqlDialect({
        pool: createPool(mysqlOptions(testMysqlUrl(), `${stack.prefix}outgoing`)),
      }),
    });
    try {
      for (const query of [unsentByStatusQuery(db), earliestDueQuery(db)]) {
        const compiled = query.compile();
        const plan = await db.executeQuery<{
          type: string | null;
          key: string | null;
          Extra: string | null;
        }>(CompiledQuery.raw(`EXPLAIN ${compiled.sql}`, [...compiled.parameters]));
        for (const step of plan.rows) {
          expect(step.type, compiled.sql).not.toBe('ALL');
          const extra = step.Extra ?? '';
          const usesIndexOnly =
            (step.key === 'idx_message_due' && extra.includes('Using index')) ||
            extra.includes('Select tables optimized away');
          expect(usesIndexOnly, `${compiled.sql}: ${JSON.stringify(step)}`).toBe(true);
        }
      }
    } finally {
      await db.destroy();
    }
  });

  it('counts every reschedule by its SPEC §5 reason: a re-plan after a calendar change, a late dispatch', async () => {
    // Each counter step is one `rescheduled` history entry with that reason.
    const entries = async (reason: string) =>
      Number(
        (
          await stack.query<{ n: number }>(
            "SELECT COUNT(*) AS n FROM message_event WHERE event = 'rescheduled' AND reason = ?",
            [reason],
          )
        )[0]?.n,
      );
    const counted = async (reason: string) =>
      sample(await scrape(), `screenmagic_reschedules_total{reason="${reason}"}`);
    expect(await counted('CALENDAR_CHANGED')).toBe(0);
    expect(await counted('HOURS_CHANGED')).toBe(0);
    expect(await counted('LATE_DISPATCH')).toBe(0);

    await stack.addCustomer({ name: 'Rae', workingHours: schedules.newYork });
    await stack.setClock('2026-12-01T10:00:00.000Z');
    expect((await stack.broadcast({ message: 'Moved', customers: ['Rae'] })).statusCode).toBe(202);
    // Tuesday closes: the re-plan moves Rae's 14:00 message to Wednesday.
    const put = await stack.customer.inject({
      method: 'PUT',
      url: '/v1/business-calendar',
      payload: {
        ...BUSINESS_CALENDAR_INPUT,
        closures: [...BUSINESS_CALENDAR_INPUT.closures, '2026-12-01'],
      },
    });
    expect(put.statusCode).toBe(200);
    await stack.runDue();
    expect(await entries('CALENDAR_CHANGED')).toBeGreaterThanOrEqual(1);
    expect(await counted('CALENDAR_CHANGED')).toBe(await entries('CALENDAR_CHANGED'));

    // Wednesday 18:30: the window closed after the message came due, the dispatcher late.
    await stack.advance('2026-12-02T18:30:00.000Z');
    expect(await entries('LATE_DISPATCH')).toBeGreaterThanOrEqual(1);
    expect(await counted('LATE_DISPATCH')).toBe(await entries('LATE_DISPATCH'));
  });
});
