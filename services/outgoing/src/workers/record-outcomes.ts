import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DispatchAction } from '../domain/dispatch-plan.ts';
import type { DispatchMetrics } from '../metrics/outgoing-metrics.ts';
import { finishWithoutAttempt, rescheduleMessages } from '../db/message-queue.ts';
import type { Candidate } from './dispatch-candidates.ts';
import type { DispatchCounts } from './dispatch-counts.ts';

/** Non-delivery outcomes of a batch, grouped for one UPDATE each. */
export class Outcomes {
  readonly cancelled: string[] = [];
  readonly expired: string[] = [];
  readonly unreachable: string[] = [];
  readonly suppressed: string[] = [];
  readonly rescheduled = new Map<string, { at: Date; timeZone: string; ids: string[] }>();

  add(candidate: Candidate, action: Exclude<DispatchAction, { action: 'deliver' }>): void {
    const id = candidate.message.id;
    switch (action.action) {
      case 'cancel':
        this.cancelled.push(id);
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
        const key = `${action.at.getTime()}\u0000${timeZone}`;
        const group = this.rescheduled.get(key) ?? { at: action.at, timeZone, ids: [] };
        group.ids.push(id);
        this.rescheduled.set(key, group);
      }
    }
  }
}

/** Writes the outcomes that are not deliveries (grouped: one statement per kind/time). */
export async function recordOutcomes(
  db: Kysely<Database>,
  owner: string,
  now: Date,
  outcomes: Outcomes,
  counts: DispatchCounts,
  metrics?: DispatchMetrics,
): Promise<void> {
  await finishWithoutAttempt(db, owner, outcomes.cancelled, 'cancelled', now);
  await finishWithoutAttempt(db, owner, outcomes.expired, 'expired', now);
  await finishWithoutAttempt(db, owner, outcomes.unreachable, 'unreachable', now);
  await finishWithoutAttempt(db, owner, outcomes.suppressed, 'suppressed', now);
  for (const group of outcomes.rescheduled.values()) {
    await rescheduleMessages(db, owner, group.ids, {
      at: group.at,
      timeZone: group.timeZone,
      now,
    });
  }
  counts.cancelled += outcomes.cancelled.length;
  counts.expired += outcomes.expired.length;
  counts.unreachable += outcomes.unreachable.length;
  counts.suppressed += outcomes.suppressed.length;
  for (const group of outcomes.rescheduled.values()) {
    counts.rescheduled += group.ids.length;
    metrics?.rescheduled('window-closed', group.ids.length);
  }
}
