import { cachedReading, type Clock } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Database } from '../db/database.ts';
import type { HistoryReason } from '../domain/message-history.ts';
import { UNSENT_STATUSES } from '../domain/message-status.ts';
import { countUnsentByStatus, earliestDueAt } from '../db/message-stats.ts';

/** How one delivery attempt ended. */
export type DeliveryOutcome = 'delivered' | 'retry' | 'failed';
/**
 * Why a message was moved to a new time (later, or earlier when a re-plan finds an earlier
 * opening): the SPEC §5 code of its history entry
 * (`rescheduled`, or `deferred` DELIVERY_FAILED for a retry after a failed attempt).
 */
export type RescheduleReason = HistoryReason;

/**
 * The reasons most reschedules carry, present at 0 from the start so rates and alerts see
 * them before their first event: a late dispatch, a failed delivery's retry, a re-plan after
 * a customer's or the business's change. (The closed side's codes — `OUTSIDE_…`,
 * `BUSINESS_…`, `CUSTOMER_CLOSURE`, a retry whose back-off ran past the window — appear
 * with their first use.)
 */
const USUAL_RESCHEDULE_REASONS: readonly RescheduleReason[] = [
  'LATE_DISPATCH',
  'DELIVERY_FAILED',
  'HOURS_CHANGED',
  'CALENDAR_CHANGED',
];

/** What the dispatcher reports as it works. */
export interface DispatchMetrics {
  attempt(outcome: DeliveryOutcome, seconds: number): void;
  /** A batch's deliveries, each one's seconds: one counter step for all of them. */
  delivered(seconds: readonly number[]): void;
  rescheduled(reason: RescheduleReason, count: number): void;
}

/** What the re-planner reports: the messages a calendar or hours change moved. */
export type ReplanMetrics = Pick<DispatchMetrics, 'rescheduled'>;

/** Scrapes come every 15–30 s; one reading serves every gauge and replica scrape within this. */
const QUEUE_READING_TTL_MS = 5_000;

/**
 * The outgoing service's metrics, in the app's registry:
 * - `screenmagic_messages{status}`: unsent messages by status (`scheduled`, `sending`);
 *   final statuses are history, counted by the counters below rather than by a query
 *   that would grow with it;
 * - `screenmagic_queue_lag_seconds`: how long the earliest due unsent message has been
 *   due, by the service's clock (0 when nothing is overdue);
 * - `screenmagic_deliveries_total{outcome}`, `screenmagic_delivery_duration_seconds`,
 *   `screenmagic_reschedules_total{reason}`: counted by this process's dispatcher and
 *   re-planner, every move to a later time labelled with its SPEC §5 reason code.
 * The gauges are read at scrape time from two index-only queries, at most once per 5 s.
 */
export function registerOutgoingMetrics(
  registry: Registry,
  deps: { db: Kysely<Database>; clock: Clock; isReady: () => boolean; ttlMs?: number },
): DispatchMetrics {
  const readQueue = cachedReading(
    async () => {
      if (!deps.isReady()) throw new Error('database not ready');
      const [counts, earliest] = await Promise.all([
        countUnsentByStatus(deps.db),
        earliestDueAt(deps.db),
      ]);
      return { counts, earliest };
    },
    { ttlMs: deps.ttlMs ?? QUEUE_READING_TTL_MS },
  );

  new Gauge({
    name: 'screenmagic_messages',
    help: 'Unsent messages by status (scheduled: waiting for their time; sending: due or being delivered)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const reading = await readQueue();
      if (reading === undefined) return;
      for (const status of UNSENT_STATUSES) {
        this.set({ status }, reading.counts.find((row) => row.status === status)?.count ?? 0);
      }
    },
  });
  new Gauge({
    name: 'screenmagic_queue_lag_seconds',
    help: 'Age of the oldest due unsent message, by the service clock (0 when none is overdue)',
    registers: [registry],
    async collect() {
      const reading = await readQueue();
      if (reading === undefined) return;
      const lagMs =
        reading.earliest === null ? 0 : deps.clock.now().getTime() - reading.earliest.getTime();
      this.set(Math.max(0, lagMs) / 1_000);
    },
  });
  const deliveries = new Counter({
    name: 'screenmagic_deliveries_total',
    help: 'Delivery attempts by outcome (delivered; retry: failed, tried again later; failed: for good)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'screenmagic_delivery_duration_seconds',
    help: 'Time one delivery attempt took (the channel, e.g. the webhook POST), in seconds',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const reschedules = new Counter({
    name: 'screenmagic_reschedules_total',
    help: 'Messages moved to a new time, by SPEC §5 reason code (LATE_DISPATCH, DELIVERY_FAILED: a retry, HOURS_CHANGED, CALENDAR_CHANGED, OUTSIDE_*: the side closed at dispatch, …)',
    labelNames: ['reason'],
    registers: [registry],
  });
  const byOutcome = {
    delivered: deliveries.labels({ outcome: 'delivered' }),
    retry: deliveries.labels({ outcome: 'retry' }),
    failed: deliveries.labels({ outcome: 'failed' }),
  };
  // Zero from the start, so rates and alerts see every series before its first event.
  for (const reason of USUAL_RESCHEDULE_REASONS) reschedules.labels({ reason }).inc(0);
  for (const child of Object.values(byOutcome)) child.inc(0);

  return {
    attempt(outcome, seconds) {
      byOutcome[outcome].inc();
      duration.observe(seconds);
    },
    delivered(seconds) {
      if (seconds.length === 0) return;
      byOutcome.delivered.inc(seconds.length);
      for (const value of seconds) duration.observe(value);
    },
    rescheduled(reason, count) {
      if (count > 0) reschedules.labels({ reason }).inc(count);
    },
  };
}
