import {
  inChildTrace,
  rememberingLast,
  SpanKind,
  toError,
  traceIdOf,
} from '@screenmagic/service-kit';
import type { Delivery } from '../clients/channel.ts';
import { afterFailedAttempt } from '../domain/backoff.ts';
import type { DailyCapTally } from '../domain/daily-cap.ts';
import { markDelivered, recordFailedAttempt } from '../db/message-outcome-repository.ts';
import { type ClaimedMessage, releaseMessages } from '../db/message-queue.ts';
import type { BatchContext } from './batch-context.ts';
import type { BatchTimings } from './batch-timings.ts';
import { type Candidate, planCandidate, rereadCandidates } from './dispatch-candidates.ts';
import type { DispatchCounts } from './dispatch-counts.ts';
import { Outcomes, recordOutcomes } from './record-outcomes.ts';

/**
 * Delivers the candidates planned for delivery at `now`, within the process's delivery
 * slots, then records what happened: delivered (one statement), failed attempts (retry
 * with back-off, or failed for good), the ones not started because the dispatcher is
 * stopping (given back), and the ones whose window closed while the batch ran. When the
 * batch's read of the replica lapses (its deliveries outlast the staleness bound) the rest
 * of its recipients are read again and judged anew, in place; when that cannot be done
 * (a test clock set, the feed not answering) the rest is given back untouched.
 */
export async function deliverCandidates(
  context: BatchContext,
  batch: string,
  now: Date,
  candidates: readonly Candidate[],
  counts: DispatchCounts,
  timings: BatchTimings,
  cap?: DailyCapTally,
): Promise<void> {
  let started = performance.now();
  const { channel, clock, customers, db, config, logger, metrics } = context;
  const delivered: { id: string; at: Date }[] = [];
  const deliveredSeconds: number[] = [];
  // The batch's cap tally: recipients read again are judged against the same day's count.
  const late = new Outcomes(cap);
  const notStarted: string[] = [];
  const failures: {
    message: ClaimedMessage;
    /** The trace the attempt continued: the failure's log line carries its id. */
    traceParent: string | null;
    error: Error;
    at: Date;
    seconds: number;
  }[] = [];

  let lapsed: Candidate[] = [];
  let begun = 0;
  const attempt = async (candidate: Candidate): Promise<void> => {
    if (context.isStopping()) {
      notStarted.push(candidate.message.id);
      return;
    }
    // The batch's read of the replica no longer proves the recipient current (a test clock
    // set, or the feed unreached past the bound since): not sent on it (read again below).
    if (!customers.stillProves(candidate.proof)) {
      lapsed.push(candidate);
      return;
    }
    begun++;
    // The window is checked again at the very instant of the attempt: a batch that
    // straddles a closing time must not send its tail after the window closed.
    const sentAt = clock.now();
    const action = sentAt.getTime() === now.getTime() ? DELIVER : planCandidate(candidate, sentAt);
    if (action.action !== 'deliver') {
      late.add(candidate, action);
      return;
    }
    const attemptStarted = performance.now();
    const traceParent = candidate.message.trace_parent ?? candidate.broadcast?.traceParent ?? null;
    try {
      // A span continuing the trace of the request that created the message: the
      // channel hands it on (the webhook's traceparent). Recorded only when spans are
      // exported; otherwise only its ids are made (inChildTrace).
      await inChildTrace(
        'deliver message',
        {
          kind: SpanKind.PRODUCER,
          parent: traceParent,
          attributes: { 'screenmagic.message_id': candidate.message.id, channel: channel.name },
        },
        (traceparent) => channel.deliver(toDelivery(candidate, sentAt), traceparent),
      );
      delivered.push({ id: candidate.message.id, at: sentAt });
      deliveredSeconds.push((performance.now() - attemptStarted) / 1_000);
    } catch (error) {
      failures.push({
        message: candidate.message,
        traceParent,
        error: toError(error),
        at: sentAt,
        seconds: (performance.now() - attemptStarted) / 1_000,
      });
    }
  };
  let round: readonly Candidate[] = candidates;
  for (;;) {
    begun = 0;
    await context.slots.each(round, attempt);
    if (lapsed.length === 0) break;
    const stale = lapsed;
    lapsed = [];
    // Read those recipients again and go on — unless a test clock was set (the run after
    // it reads anew), the replica cannot prove itself, or this round began nothing (a read
    // that lapses at once would loop): then they are given back untouched.
    const reread = begun === 0 ? undefined : await rereadCandidates(context, stale);
    if (reread === undefined) {
      for (const candidate of stale) notStarted.push(candidate.message.id);
      break;
    }
    round = late.planAt(reread, clock.now());
  }

  timings.deliverMs = performance.now() - started;
  metrics?.delivered(deliveredSeconds);
  started = performance.now();
  const marked = await markDelivered(db, context.history, batch, delivered);
  counts.delivered += delivered.length;
  if (marked < delivered.length) {
    logger?.warn(
      { batch, lost: delivered.length - marked },
      'delivered messages whose claim had been released as stale (they may be delivered twice)',
    );
  }
  for (const failure of failures) {
    const next = afterFailedAttempt(failure.message.attempts, config.maxAttempts, failure.at);
    await recordFailedAttempt(db, context.history, batch, failure.message.id, {
      retryAt: next.outcome === 'retry' ? next.at : null,
      error: failure.error.message,
      at: failure.at,
    });
    if (next.outcome === 'retry') counts.retried++;
    else counts.failed++;
    metrics?.attempt(next.outcome === 'retry' ? 'retry' : 'failed', failure.seconds);
    if (next.outcome === 'retry') metrics?.rescheduled('DELIVERY_FAILED', 1);
    logger?.warn(
      {
        batch,
        messageId: failure.message.id,
        attempts: failure.message.attempts,
        err: failure.error,
        // Written after the batch, outside the attempt's trace: its id is named here.
        traceId: traceIdOf(failure.traceParent),
      },
      next.outcome === 'retry' ? 'delivery failed; will retry' : 'delivery failed for good',
    );
  }
  await releaseMessages(db, batch, notStarted);
  await recordOutcomes(db, context.history, batch, now, late, counts, metrics);
  timings.recordMs += performance.now() - started;
}

/** The plan of a message attempted at its batch's instant (planned for delivery then). */
const DELIVER = { action: 'deliver' } as const;

/** `sentAt` written out, per millisecond: at full speed, consecutive attempts share one. */
const isoAt = rememberingLast((ms: number) => new Date(ms).toISOString());

/** The channel's view of a message at the instant it is sent. */
function toDelivery(candidate: Candidate, sentAt: Date): Delivery {
  const { message, customer, broadcast } = candidate;
  const to = customer?.phone ? customer.phone : (customer?.name ?? '');
  const sent = isoAt(sentAt.getTime());
  return message.broadcast_id !== null
    ? {
        messageId: message.id,
        broadcastId: message.broadcast_id,
        customerId: message.customer_id,
        to,
        text: broadcast?.message ?? '',
        kind: message.kind,
        sentAt: sent,
      }
    : message.inbound_message_id !== null
      ? {
          messageId: message.id,
          inboundMessageId: message.inbound_message_id,
          customerId: message.customer_id,
          to,
          text: message.text ?? '',
          kind: message.kind,
          sentAt: sent,
        }
      : {
          messageId: message.id,
          orderId: message.order_id ?? '',
          customerId: message.customer_id,
          to,
          text: message.text ?? '',
          kind: message.kind,
          sentAt: sent,
        };
}
