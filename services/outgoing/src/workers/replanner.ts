import type { Logger } from 'pino';
import type { CustomerDirectory, CustomerRecord } from '@screenmagic/service-kit/contracts';
import {
  markQueuedUnreachable,
  queuedPage,
  type ReplanRow,
  rescheduleQueued,
} from '../db/message-replan-repository.ts';
import { decideDelivery, type DeliveryDecision } from '../domain/delivery-decision.ts';
import { replanFrom, replanWithDecision } from '../domain/replan.ts';
import type { ReplanMetrics } from '../metrics/outgoing-metrics.ts';
import type { QueueWorkerDeps } from './batch-context.ts';

/** Why messages were re-planned (SPEC §5 reason codes, for their history). */
export type ReplanReason = 'CALENDAR_CHANGED' | 'HOURS_CHANGED';

/** What one re-plan changed. */
export interface ReplanCounts {
  /** Messages looked at. */
  examined: number;
  /** Moved to a new time (including unreachable ones whose window opened again). */
  rescheduled: number;
  /** Became unreachable (no window within 28 days). */
  unreachable: number;
}

/**
 * A hook for each group of messages a re-plan changed: where the message history records
 * them with the reason (docs/decisions.md, "Promises kept").
 */
export type ReplannedHook = (change: {
  readonly ids: readonly string[];
  readonly reason: ReplanReason;
  readonly scheduledFor: Date | null;
  readonly at: Date;
}) => Promise<void>;

/** One page of queued messages with their customers' current records. */
interface LoadedPage {
  readonly rows: readonly ReplanRow[];
  readonly customers: ReadonlyMap<string, CustomerRecord>;
  /** The walk ends with this page. */
  readonly last: boolean;
}

export interface ReplannerDeps extends QueueWorkerDeps {
  /** The customer service's records (re-planning reads them directly, page by page). */
  readonly directory: CustomerDirectory;
  readonly logger?: Pick<Logger, 'info' | 'warn'> | undefined;
  readonly onReplanned?: ReplannedHook | undefined;
  /** Messages moved are counted here (`screenmagic_reschedules_total{reason}`). */
  readonly metrics?: ReplanMetrics | undefined;
  /** Rows per page (default 1,000: one customer lookup per page, the service's maximum). */
  readonly pageSize?: number;
}

/**
 * Keeps the promises of queued messages when the time rules change (SPEC §4): walks the
 * queued messages by primary key, a page at a time (never all in memory), looks up the
 * page's customers' current records, re-decides each message with the calendar in force
 * (`replanMessage`) and writes the changes grouped by new time — one UPDATE per distinct
 * outcome, since most recipients share a handful of schedules. Safe next to running
 * dispatchers (claimed rows are skipped; the dispatcher checks the window itself) and
 * idempotent (a re-plan cut short is simply run again). A customer service that cannot
 * answer throws: the caller (CalendarSource) tries again at its next poll.
 */
export class Replanner {
  readonly #deps: ReplannerDeps;

  constructor(deps: ReplannerDeps) {
    this.#deps = deps;
  }

  /** Every queued message (the business calendar changed). */
  replanAll(): Promise<ReplanCounts> {
    return this.#walk(undefined, 'CALENDAR_CHANGED');
  }

  /** The queued messages of these customers (their hours, zone or holidays changed). */
  replanCustomers(customerIds: readonly string[]): Promise<ReplanCounts> {
    return this.#walk(customerIds, 'HOURS_CHANGED');
  }

  async #walk(
    customerIds: readonly string[] | undefined,
    reason: ReplanReason,
  ): Promise<ReplanCounts> {
    const { db, clock, directory } = this.#deps;
    const pageSize = this.#deps.pageSize ?? 1_000;
    const counts: ReplanCounts = { examined: 0, rescheduled: 0, unreachable: 0 };
    const started = performance.now();
    const now = clock.now();
    const decisions = new Map<string, DeliveryDecision>();
    // The next page and its customers are read while this one is written: at most two
    // pages in memory, the lookups overlapping the updates.
    const fetchPage = async (afterId: string | null): Promise<LoadedPage | undefined> => {
      const rows: ReplanRow[] = await queuedPage(db, {
        afterId,
        limit: pageSize,
        now,
        ...(customerIds === undefined ? {} : { customerIds }),
      });
      if (rows.length === 0) return undefined;
      const customers = await directory.byIds([...new Set(rows.map((row) => row.customer_id))]);
      return { rows, customers, last: rows.length < pageSize };
    };
    let next: Promise<LoadedPage | undefined> | undefined = fetchPage(null);
    while (next !== undefined) {
      const page: LoadedPage | undefined = await next;
      if (page === undefined) break;
      next = page.last ? undefined : fetchPage(page.rows[page.rows.length - 1]?.id ?? null);
      // A failed prefetch must not be an unhandled rejection while this page is written.
      next?.catch(() => undefined);
      await this.#replanPage(page, reason, now, counts, decisions);
      counts.examined += page.rows.length;
    }
    this.#deps.logger?.info(
      { reason, ...counts, ms: Math.round(performance.now() - started) },
      'queued messages re-planned',
    );
    return counts;
  }

  async #replanPage(
    { rows: page, customers }: LoadedPage,
    reason: ReplanReason,
    now: Date,
    counts: ReplanCounts,
    decisions: Map<string, DeliveryDecision>,
  ): Promise<void> {
    const { db, schedules } = this.#deps;
    const calendar = this.#deps.calendar();
    const groups = new Map<
      string,
      { scheduledFor: Date; dueAt: Date; timeZone: string; ids: string[] }
    >();
    const unreachable: string[] = [];
    for (const row of page) {
      const customer = customers.get(row.customer_id);
      // A deleted customer's messages are cancelled by the dispatcher when they come due.
      if (customer === undefined) continue;
      const message = {
        status: row.status,
        scheduledFor: row.scheduled_for,
        expiresAt: row.expires_at,
        notBefore: row.send_at ?? row.created_at,
      };
      // Most recipients share a schedule and a send time: decided once per pair.
      const { key: scheduleKey, schedule } = schedules.get(customer.workingHours);
      const from = replanFrom(message, now);
      const memo = `${scheduleKey}\u0000${from.getTime()}`;
      let decision = decisions.get(memo);
      if (decision === undefined) {
        decision = decideDelivery([calendar, schedule], from, now);
        decisions.set(memo, decision);
      }
      const plan = replanWithDecision(message, decision, now);
      if (plan.action === 'unreachable') unreachable.push(row.id);
      if (plan.action !== 'schedule') continue;
      const key = `${plan.scheduledFor.getTime()}/${plan.dueAt.getTime()}/${customer.timeZone}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = {
          scheduledFor: plan.scheduledFor,
          dueAt: plan.dueAt,
          timeZone: customer.timeZone,
          ids: [],
        };
        groups.set(key, group);
      }
      group.ids.push(row.id);
    }
    for (const group of groups.values()) {
      const moved = await rescheduleQueued(db, this.#deps.history, group.ids, {
        ...group,
        now,
        reason,
      });
      counts.rescheduled += moved;
      this.#deps.metrics?.rescheduled(reason, moved);
      await this.#deps.onReplanned?.({
        ids: group.ids,
        reason,
        scheduledFor: group.scheduledFor,
        at: now,
      });
    }
    counts.unreachable += await markQueuedUnreachable(
      db,
      this.#deps.history,
      unreachable,
      now,
      reason,
    );
    if (unreachable.length > 0) {
      await this.#deps.onReplanned?.({ ids: unreachable, reason, scheduledFor: null, at: now });
    }
  }
}
