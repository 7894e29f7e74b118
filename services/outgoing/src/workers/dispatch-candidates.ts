import type { Schedule } from '@screenmagic/hours-window';
import { isDependencyUnavailable } from '@screenmagic/service-kit';
import { type DispatchAction, planDispatch } from '../domain/dispatch-plan.ts';
import { type PlanReason, rescheduleReason } from '../domain/plan-reason.ts';
import {
  type BroadcastForDispatch,
  loadBroadcastsForDispatch,
} from '../db/broadcast-repository.ts';
import type { DispatchCustomer } from '../db/customer-replica-repository.ts';
import { deferMessages } from '../db/message-outcome-repository.ts';
import { type ClaimedMessage, releaseMessages } from '../db/message-queue.ts';
import type { BatchContext } from './batch-context.ts';
import type { ReplicaProof, ReplicaRead } from './replica-read.ts';
import type { DispatchCounts } from './dispatch-counts.ts';

/** A claimed message with what the dispatch-time check needs. */
export interface Candidate {
  readonly message: ClaimedMessage;
  readonly customer: DispatchCustomer | undefined;
  readonly broadcast: BroadcastForDispatch | undefined;
  readonly window: readonly Schedule[] | null;
  /** What proves `customer` (the batch's read of the replica): checked again at each attempt. */
  readonly proof: ReplicaProof;
}

/** What to do with a candidate; a reschedule says why (SPEC §5). */
export type CandidateAction =
  | Exclude<DispatchAction, { action: 'reschedule' }>
  | { readonly action: 'reschedule'; readonly at: Date; readonly why: PlanReason };

/**
 * The customer replica could not prove it is fresh (the customer service's feed has not
 * answered within the bound): the batch was given back, nothing was sent.
 */
export class DispatchDeferredError extends Error {
  constructor(count: number, cause: unknown) {
    super(`customer service unavailable: ${count} messages released for later`, { cause });
    this.name = 'DispatchDeferredError';
  }
}

/**
 * Loads what the dispatch-time check needs for a claimed batch: the broadcasts' state and
 * texts, and every recipient's current record (one primary-key query on the customer
 * replica; no call to the customer service). If either cannot be read the whole batch is
 * given back untouched — fail closed: nothing is sent without a current window — and,
 * when the replica cannot prove it is fresh, a {@link DispatchDeferredError} ends the batch.
 */
export async function loadCandidates(
  context: BatchContext,
  owner: string,
  messages: readonly ClaimedMessage[],
  counts: DispatchCounts,
): Promise<Candidate[]> {
  const { db } = context;
  let read: ReplicaRead;
  let broadcasts: Map<string, BroadcastForDispatch>;
  try {
    broadcasts = await loadBroadcastsForDispatch(db, distinct(messages.map((m) => m.broadcast_id)));
    read = await context.customers.byIds(distinct(messages.map((m) => m.customer_id)));
  } catch (error) {
    const ids = messages.map((m) => m.id);
    const unavailable = isDependencyUnavailable(error);
    // Fail closed: nothing is sent without the customer's current window. The wait is in
    // the history once, however many polls it lasts.
    const released = await (
      unavailable
        ? deferMessages(db, context.history, owner, ids, {
            reason: 'CUSTOMER_SERVICE_UNAVAILABLE',
            at: context.clock.now(),
            detail:
              "the customer replica is not known to be fresh (the customer service's feed did not answer in time): nothing was sent, tried again later",
          })
        : releaseMessages(db, owner, ids)
    ).catch(() => releaseMessages(db, owner, ids).catch(() => 0));
    if (unavailable) {
      counts.deferred += released;
      throw new DispatchDeferredError(released, error);
    }
    throw error;
  }
  const calendar = context.calendar();
  return messages.map((message) => candidateOf(context, calendar, message, broadcasts, read));
}

/**
 * The candidates whose read of the replica lapsed while their batch ran (by age alone),
 * with their customers and broadcasts read again (a cancellation meanwhile now counts);
 * undefined when that cannot be done (the caller gives them back untouched).
 */
export async function rereadCandidates(
  context: BatchContext,
  lapsed: readonly Candidate[],
): Promise<Candidate[] | undefined> {
  const [first] = lapsed;
  if (first === undefined) return [];
  const messages = lapsed.map((c) => c.message);
  const read = await context.customers.reread(
    distinct(messages.map((m) => m.customer_id)),
    first.proof,
  );
  if (read === undefined) return undefined;
  let broadcasts: Map<string, BroadcastForDispatch>;
  try {
    broadcasts = await loadBroadcastsForDispatch(
      context.db,
      distinct(messages.map((m) => m.broadcast_id)),
    );
  } catch (error) {
    context.logger?.warn({ err: error }, 'a lapsed batch could not read its broadcasts again');
    return undefined;
  }
  const calendar = context.calendar();
  return messages.map((message) => candidateOf(context, calendar, message, broadcasts, read));
}

/** A claimed message with its broadcast and its customer's record from `read`. */
function candidateOf(
  context: BatchContext,
  calendar: Schedule,
  message: ClaimedMessage,
  broadcasts: ReadonlyMap<string, BroadcastForDispatch>,
  read: ReplicaRead,
): Candidate {
  const customer = read.customers.get(message.customer_id);
  return {
    message,
    customer,
    broadcast: message.broadcast_id === null ? undefined : broadcasts.get(message.broadcast_id),
    window: customer ? [calendar, context.schedules.fromJson(customer.workingHoursJson)] : null,
    proof: read.proof,
  };
}

/**
 * What to do with a candidate at instant `at` (the pure rules in `domain/dispatch-plan`),
 * and why a reschedule is one (`domain/plan-reason`).
 */
export function planCandidate(candidate: Candidate, at: Date): CandidateAction {
  const { message, broadcast, window } = candidate;
  const action = planDispatch({
    now: at,
    expiresAt: message.expires_at,
    holdToWindow: message.hold_to_window !== 0,
    // A broadcast row that vanished cannot happen (no deletes); treat it as cancelled.
    broadcastCancelled: message.broadcast_id !== null && (broadcast?.cancelled ?? true),
    window,
    // Consent is read from the replica row read for the window: no extra lookup.
    optedOut: message.category === 'marketing' && candidate.customer?.consent?.marketing === false,
  });
  if (action.action !== 'reschedule') return action;
  const [calendar, customer] = window ?? [];
  const why =
    calendar && customer
      ? rescheduleReason({
          calendar,
          customer,
          dueAt: message.due_at ?? message.scheduled_for ?? at,
          previousAttempts: message.attempts - 1,
          now: at,
        })
      : { reason: 'HOURS_CHANGED' as const, detail: null };
  return { action: 'reschedule', at: action.at, why };
}

function distinct(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}
