import { formatLocal, localDateOf, type Schedule } from '@screenmagic/hours-window';
import { decideDelivery, effectiveSendAt, type RecipientStatus } from './delivery-decision.ts';
import { localSendAt, type LocalSendTime } from './local-send-at.ts';
import type { HistoryReason } from './message-history.ts';
import { planReason } from './plan-reason.ts';
import type { ScheduleCache } from './schedule-cache.ts';

/** A broadcast's category (SPEC §6): marketing needs consent and counts against the cap. */
export type Category = 'marketing' | 'transactional';

/** Why a recipient is `suppressed` (SPEC §5 reason codes). */
export type SuppressReason = 'OPTED_OUT' | 'FREQUENCY_CAP';

/** What a broadcast recipient gets at acceptance (and in a preview). */
export type PlannedStatus = RecipientStatus | 'suppressed';

/** The parts of a customer record a recipient's decision depends on. */
export interface PlannedCustomer {
  readonly timeZone: string;
  readonly workingHours: unknown;
  /** Absent (an older customer service): consent as the default, true. */
  readonly consent?: { readonly marketing: boolean } | undefined;
}

/** When a broadcast is sent: one instant for everyone, or a wall time in each one's zone. */
export type SendTime =
  | { readonly kind: 'instant'; readonly at: Date }
  | { readonly kind: 'local'; readonly local: LocalSendTime };

export interface RecipientPlan {
  readonly status: PlannedStatus;
  readonly scheduledFor: Date | null;
  /** `scheduledFor` in the customer's zone (`2026-11-30T09:00:00+05:30`); null without one. */
  readonly scheduledForLocal: string | null;
  /** When a dispatcher should pick it up: `scheduledFor`, or the expiry if that is earlier. */
  readonly dueAt: Date | null;
  /** The customer-local date of `scheduledFor` (`YYYY-MM-DD`): the day the cap counts. */
  readonly localDay: string | null;
  /** Why (SPEC §5): the first history entry's reason, and the closure's name if one decided it. */
  readonly reason: HistoryReason;
  readonly reasonDetail: string | null;
}

/** Decisions remembered per planner (one per distinct zone + schedule). */
const MEMO_LIMIT = 10_000;

const OPTED_OUT: RecipientPlan = Object.freeze({
  status: 'suppressed',
  reason: 'OPTED_OUT',
  scheduledFor: null,
  scheduledForLocal: null,
  dueAt: null,
  localDay: null,
  reasonDetail: null,
});

/**
 * Decides every recipient of one broadcast — the one function both the real broadcast and
 * its preview call, so they agree recipient by recipient. In order:
 * 1. a marketing broadcast to a customer without marketing consent: `suppressed`
 *    (`OPTED_OUT`);
 * 2. the send instant: the broadcast's, or `sendAtLocal` read in the customer's zone;
 * 3. the delivery window at that instant ({@link decideDelivery}): `sending`, `scheduled`
 *    or `unreachable`;
 * 4. a marketing message that would exceed `capPerDay` on its customer-local day (given
 *    how many that customer already has that day): `suppressed` (`FREQUENCY_CAP`).
 *
 * Steps 2–3 depend only on the customer's zone and schedule, and are computed once per
 * distinct pair (most customers share a handful of schedules).
 */
export class RecipientPlanner {
  readonly #calendar: Schedule;
  readonly #send: SendTime;
  readonly #now: Date;
  readonly #expiresAt: Date | null;
  readonly #schedules: ScheduleCache;
  readonly #category: Category;
  readonly #capPerDay: number | undefined;
  readonly #memo = new Map<string, RecipientPlan>();

  constructor(options: {
    calendar: Schedule;
    send: SendTime;
    now: Date;
    expiresAt: Date | null;
    schedules: ScheduleCache;
    category?: Category;
    capPerDay?: number | undefined;
  }) {
    this.#calendar = options.calendar;
    this.#send = options.send;
    this.#now = options.now;
    this.#expiresAt = options.expiresAt;
    this.#schedules = options.schedules;
    this.#category = options.category ?? 'transactional';
    this.#capPerDay = options.capPerDay;
  }

  /** Whether the cap applies (a marketing broadcast with MARKETING_CAP_PER_DAY set). */
  get capped(): boolean {
    return this.#category === 'marketing' && this.#capPerDay !== undefined;
  }

  /**
   * @param usedOnDay how many marketing messages the customer already has on a local day
   *   (asked only when {@link capped}).
   */
  plan(
    customer: PlannedCustomer,
    usedOnDay: (localDay: string) => number = () => 0,
  ): RecipientPlan {
    if (this.#category === 'marketing' && customer.consent?.marketing === false) return OPTED_OUT;
    const plan = this.#windowPlan(customer);
    if (
      this.capped &&
      plan.localDay !== null &&
      plan.status !== 'unreachable' &&
      usedOnDay(plan.localDay) >= (this.#capPerDay as number)
    ) {
      return {
        ...plan,
        status: 'suppressed',
        reason: 'FREQUENCY_CAP',
        reasonDetail: null,
        dueAt: null,
      };
    }
    return plan;
  }

  #windowPlan(customer: PlannedCustomer): RecipientPlan {
    const { key, schedule } = this.#schedules.get(customer.workingHours);
    const memoKey = `${customer.timeZone}\u0000${key}`;
    let plan = this.#memo.get(memoKey);
    if (plan === undefined) {
      const at =
        this.#send.kind === 'instant'
          ? this.#send.at
          : effectiveSendAt(localSendAt(this.#send.local, customer.timeZone, this.#now), this.#now);
      const decision = decideDelivery([this.#calendar, schedule], at, this.#now);
      const { scheduledFor } = decision;
      const why = planReason(
        { calendar: this.#calendar, customer: schedule },
        at,
        this.#now,
        decision,
      );
      plan = {
        status: decision.status,
        scheduledFor,
        scheduledForLocal: scheduledFor ? formatLocal(scheduledFor, customer.timeZone) : null,
        dueAt: scheduledFor ? earliest(scheduledFor, this.#expiresAt) : null,
        localDay: scheduledFor ? localDateOf(scheduledFor, customer.timeZone) : null,
        reason: why.reason,
        reasonDetail: why.detail,
      };
      // A cache, so clearing it changes no decision: bounded for mostly distinct schedules.
      if (this.#memo.size >= MEMO_LIMIT) this.#memo.clear();
      this.#memo.set(memoKey, plan);
    }
    return plan;
  }

  /** How many distinct schedule/zone pairs were decided (for logs and tests). */
  get distinctDecisions(): number {
    return this.#memo.size;
  }
}

/** Why a recipient is `suppressed` (what a preview shows); null for any other status. */
export function suppressReason(plan: RecipientPlan): SuppressReason | null {
  return plan.reason === 'OPTED_OUT' || plan.reason === 'FREQUENCY_CAP' ? plan.reason : null;
}

function earliest(a: Date, b: Date | null): Date {
  return b !== null && b.getTime() < a.getTime() ? b : a;
}
