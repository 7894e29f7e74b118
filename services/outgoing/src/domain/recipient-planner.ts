import { formatLocal, type Schedule } from '@screenmagic/hours-window';
import { decideDelivery, type RecipientStatus } from './delivery-decision.ts';
import type { HistoryReason } from './message-history.ts';
import { planReason } from './plan-reason.ts';
import type { ScheduleCache } from './schedule-cache.ts';

/** The parts of a customer record a delivery decision depends on. */
export interface PlannedCustomer {
  readonly timeZone: string;
  readonly workingHours: unknown;
}

export interface RecipientPlan {
  readonly status: RecipientStatus;
  readonly scheduledFor: Date | null;
  /** `scheduledFor` in the customer's zone (`2026-11-30T09:00:00+05:30`); null when unreachable. */
  readonly scheduledForLocal: string | null;
  /** When a dispatcher should pick it up: `scheduledFor`, or the expiry if that is earlier. */
  readonly dueAt: Date | null;
  /** Why (SPEC §5): the first history entry's reason, and the closure's name if one decided it. */
  readonly reason: HistoryReason;
  readonly reasonDetail: string | null;
}

/**
 * Decides every recipient of one broadcast: the same send instant for all, so the answer
 * depends only on the customer's schedule and zone, and is computed once per distinct
 * pair (most customers share a handful of schedules).
 */
export class RecipientPlanner {
  readonly #calendar: Schedule;
  readonly #at: Date;
  readonly #now: Date;
  readonly #expiresAt: Date | null;
  readonly #schedules: ScheduleCache;
  readonly #memo = new Map<string, RecipientPlan>();

  constructor(options: {
    calendar: Schedule;
    at: Date;
    now: Date;
    expiresAt: Date | null;
    schedules: ScheduleCache;
  }) {
    this.#calendar = options.calendar;
    this.#at = options.at;
    this.#now = options.now;
    this.#expiresAt = options.expiresAt;
    this.#schedules = options.schedules;
  }

  plan(customer: PlannedCustomer): RecipientPlan {
    const { key, schedule } = this.#schedules.get(customer.workingHours);
    const memoKey = `${customer.timeZone}\u0000${key}`;
    let plan = this.#memo.get(memoKey);
    if (plan === undefined) {
      const decision = decideDelivery([this.#calendar, schedule], this.#at, this.#now);
      const { scheduledFor } = decision;
      const why = planReason(
        { calendar: this.#calendar, customer: schedule },
        this.#at,
        this.#now,
        decision,
      );
      plan = {
        status: decision.status,
        scheduledFor,
        scheduledForLocal: scheduledFor ? formatLocal(scheduledFor, customer.timeZone) : null,
        dueAt: scheduledFor ? earliest(scheduledFor, this.#expiresAt) : null,
        reason: why.reason,
        reasonDetail: why.detail,
      };
      this.#memo.set(memoKey, plan);
    }
    return plan;
  }

  /** How many distinct schedule/zone pairs were decided (for logs and tests). */
  get distinctDecisions(): number {
    return this.#memo.size;
  }
}

function earliest(a: Date, b: Date | null): Date {
  return b !== null && b.getTime() < a.getTime() ? b : a;
}
