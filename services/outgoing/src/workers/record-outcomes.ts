import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DailyCapTally } from '../domain/daily-cap.ts';
import type { HistoryReason } from '../domain/message-history.ts';
import type { DispatchMetrics } from '../metrics/outgoing-metrics.ts';
import type { MessageHistory } from '../db/message-history-repository.ts';
import { finishWithoutAttempt, rescheduleMessages } from '../db/message-outcome-repository.ts';
import { type Candidate, type CandidateAction, planCandidate } from './dispatch-candidates.ts';
import type { DispatchCounts } from './dispatch-counts.ts';

interface Rescheduled {
  at: Date;
  timeZone: string;
  reason: HistoryReason;
  detail: string | null;
  ids: string[];
}

/** Non-delivery outcomes of a batch, grouped for one UPDATE each. */
export class Outcomes {
  /** Cancelled because the broadcast was. */
  readonly cancelled: string[] = [];
  /** Cancelled because the customer no longer exists. */
  readonly customerDeleted: string[] = [];
  readonly expired: string[] = [];
  readonly unreachable: string[] = [];
  /** Marketing to a customer who has opted out since acceptance. */
  readonly suppressed: string[] = [];
  /** Marketing that would go beyond MARKETING_CAP_PER_DAY on its customer-local day. */
  readonly capped: string[] = [];
  readonly rescheduled = new Map<string, Rescheduled>();
  readonly #cap: DailyCapTally | undefined;

  /** @param cap the batch's tally of the daily cap; undefined: no cap (or no marketing). */
  constructor(cap?: DailyCapTally) {
    this.#cap = cap;
  }

  /**
   * Plans each of `candidates` at `at`: returns those to deliver, in order, and records
   * every other action here. A marketing message planned for delivery goes only while its
   * customer's day has room: the first ones planned (dispatch order) take it.
   */
  planAt(candidates: readonly Candidate[], at: Date): Candidate[] {
    const toDeliver: Candidate[] = [];
    for (const candidate of candidates) {
      const action = planCandidate(candidate, at);
      if (action.action !== 'deliver') this.add(candidate, action);
      else if (this.#admits(candidate, at)) toDeliver.push(candidate);
      else this.capped.push(candidate.message.id);
    }
    return toDeliver;
  }

  #admits({ message, customer }: Candidate, at: Date): boolean {
    if (this.#cap === undefined || message.category !== 'marketing' || customer === undefined) {
      return true;
    }
    return this.#cap.admits(message.id, message.customer_id, customer.timeZone, at);
  }

  add(candidate: Candidate, action: Exclude<CandidateAction, { action: 'deliver' }>): void {
    const id = candidate.message.id;
    switch (action.action) {
      case 'cancel':
        (action.reason === 'customer-deleted' ? this.customerDeleted : this.cancelled).push(id);
        return;
      case 'expire':
        this.expired.push(id);
        return;
      case 'unreachable':
        this.unreachable.push(id);
        return;
      case 'suppress':
        this.suppressed.push(id);
        return;
      case 'reschedule': {
        // Only a held message with a current customer is rescheduled.
        const timeZone = candidate.customer?.timeZone ?? 'UTC';
        const { reason, detail } = action.why;
        const key = [action.at.getTime(), timeZone, reason, detail ?? ''].join('\u0000');
        const group = this.rescheduled.get(key) ?? {
          at: action.at,
          timeZone,
          reason,
          detail,
          ids: [],
        };
        group.ids.push(id);
        this.rescheduled.set(key, group);
      }
    }
  }
}

/** Writes the outcomes that are not deliveries of `batch`'s messages (grouped: one statement per kind/time). */
export async function recordOutcomes(
  db: Kysely<Database>,
  history: MessageHistory,
  batch: string,
  now: Date,
  outcomes: Outcomes,
  counts: DispatchCounts,
  metrics?: DispatchMetrics,
): Promise<void> {
  const end = (ids: readonly string[], outcome: Parameters<typeof finishWithoutAttempt>[4]) =>
    finishWithoutAttempt(db, history, batch, ids, outcome);
  await end(outcomes.cancelled, {
    status: 'cancelled',
    reason: 'CANCELLED',
    detail: 'the broadcast was cancelled',
    at: now,
  });
  await end(outcomes.customerDeleted, {
    status: 'cancelled',
    reason: 'CUSTOMER_DELETED',
    detail: 'the customer no longer exists',
    at: now,
  });
  await end(outcomes.expired, { status: 'expired', reason: 'EXPIRED', at: now });
  await end(outcomes.unreachable, { status: 'unreachable', reason: 'NO_OVERLAP', at: now });
  await end(outcomes.suppressed, { status: 'suppressed', reason: 'OPTED_OUT', at: now });
  await end(outcomes.capped, { status: 'suppressed', reason: 'FREQUENCY_CAP', at: now });
  for (const group of outcomes.rescheduled.values()) {
    await rescheduleMessages(db, history, batch, group.ids, {
      at: group.at,
      timeZone: group.timeZone,
      now,
      reason: group.reason,
      detail: group.detail,
    });
  }
  counts.cancelled += outcomes.cancelled.length + outcomes.customerDeleted.length;
  counts.expired += outcomes.expired.length;
  counts.unreachable += outcomes.unreachable.length;
  counts.suppressed += outcomes.suppressed.length + outcomes.capped.length;
  for (const group of outcomes.rescheduled.values()) {
    counts.rescheduled += group.ids.length;
    metrics?.rescheduled(group.reason, group.ids.length);
  }
}
