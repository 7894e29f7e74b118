import { heartbeatIntervalMs, startHeartbeat } from '@screenmagic/service-kit';
import { type ClaimedMessage, closeBatch, renewBatch } from '../db/message-queue.ts';
import type { BatchContext } from './batch-context.ts';
import { type BatchTimings, roundTimings } from './batch-timings.ts';
import { readDailyCap } from './daily-cap-read.ts';
import { loadCandidates } from './dispatch-candidates.ts';
import type { DispatchCounts } from './dispatch-counts.ts';
import { deliverCandidates } from './deliver-candidates.ts';
import { claimWithinRate } from './rate-limited-claim.ts';
import { Outcomes, recordOutcomes } from './record-outcomes.ts';

/**
 * One batch for one worker: claim what is due at the clock's instant, re-check each
 * message against its recipient's current window, deliver, record — with a heartbeat
 * renewing the batch's one lease (its `dispatch_batch` row) while it runs; the row is
 * deleted when the batch is done. Returns how many messages it claimed
 * (positive also after waiting out the rate limit: more may be due). `counts` is filled
 * in as the batch goes, so a batch that fails midway still reports what it did.
 */
export async function runBatch(
  context: BatchContext,
  owner: string,
  counts: DispatchCounts,
): Promise<number> {
  const now = context.clock.now();
  const started = performance.now();
  const claim = await claimWithinRate(context.db, context.config, owner, now, context.idleQueue);
  const timings: BatchTimings = {
    claimMs: performance.now() - started,
    lookupMs: 0,
    deliverMs: 0,
    recordMs: 0,
  };
  if (context.config.ratePerSecond !== undefined) {
    await recordRateWait(context, claim.capped, now);
  }
  const { batch } = claim;
  if (batch === null || claim.messages.length === 0) {
    if (claim.retryInMs > 0) {
      await sleep(claim.retryInMs);
      return 1;
    }
    return 0;
  }
  const { db, config, logger } = context;
  const stopHeartbeat = startHeartbeat({
    everyMs: heartbeatIntervalMs(config.lockTimeoutMs),
    beat: async () => {
      if (!(await renewBatch(db, batch, config.lockTimeoutMs))) {
        logger?.warn({ owner, batch }, 'the batch lease expired: its messages may be taken over');
      }
    },
    onError: (err) => logger?.warn({ err, owner, batch }, 'could not renew the batch lease'),
  });
  try {
    await processClaimed(context, batch, now, claim.messages, counts, timings);
    // Every message was finished, given back or taken over: nothing points to the batch.
    // (After a failure the row stays, and expires: what is left comes back then.)
    await closeBatch(db, batch);
  } finally {
    stopHeartbeat();
  }
  logger?.debug(
    { owner, batch, claimed: claim.messages.length, ...counts, ...roundTimings(timings) },
    'dispatched batch',
  );
  return claim.messages.length;
}

/** The claimed messages of `batch`: re-check, record what is not a delivery, deliver. */
async function processClaimed(
  context: BatchContext,
  batch: string,
  now: Date,
  messages: readonly ClaimedMessage[],
  counts: DispatchCounts,
  timings: BatchTimings,
): Promise<void> {
  let started = performance.now();
  // `loadCandidates` gives the batch back when the look-up fails: it holds the messages.
  const candidates = await loadCandidates(context, batch, messages, counts);
  // With MARKETING_CAP_PER_DAY, one more read (given back like the look-up when it fails).
  const cap = await readDailyCap(context, batch, candidates, now);
  timings.lookupMs = performance.now() - started;
  const outcomes = new Outcomes(cap);
  const toDeliver = outcomes.planAt(candidates, now);
  started = performance.now();
  await recordOutcomes(context.db, context.history, batch, now, outcomes, counts, context.metrics);
  timings.recordMs = performance.now() - started;
  await deliverCandidates(context, batch, now, toDeliver, counts, timings, cap);
}

/** History: the cap held due messages back (once per wait), or held none back. */
async function recordRateWait(context: BatchContext, capped: boolean, now: Date): Promise<void> {
  if (!capped) {
    context.rateDeferrals.reset();
    return;
  }
  try {
    await context.rateDeferrals.record(context.db, context.history, now);
  } catch (error) {
    context.logger?.warn({ err: error }, 'could not record the rate-limit wait in the history');
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
