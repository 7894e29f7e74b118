import { heartbeatIntervalMs, startHeartbeat } from '@screenmagic/service-kit';
import { type ClaimedMessage, renewClaims } from '../db/message-queue.ts';
import type { BatchContext } from './batch-context.ts';
import { type BatchTimings, roundTimings } from './batch-timings.ts';
import { type Candidate, loadCandidates, planCandidate } from './dispatch-candidates.ts';
import type { DispatchCounts } from './dispatch-counts.ts';
import { deliverCandidates } from './deliver-candidates.ts';
import { claimWithinRate } from './rate-limited-claim.ts';
import { Outcomes, recordOutcomes } from './record-outcomes.ts';

/**
 * One batch for one worker: claim what is due at the clock's instant, re-check each
 * message against its recipient's current window, deliver, record — with a heartbeat
 * renewing the batch's leases while it runs. Returns how many messages it claimed
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
  const claim = await claimWithinRate(context.db, context.config, owner, now);
  const timings: BatchTimings = {
    claimMs: performance.now() - started,
    lookupMs: 0,
    deliverMs: 0,
    recordMs: 0,
  };
  if (context.config.ratePerSecond !== undefined) {
    await recordRateWait(context, claim.capped, now);
  }
  if (claim.messages.length === 0) {
    if (claim.retryInMs > 0) {
      await sleep(claim.retryInMs);
      return 1;
    }
    return 0;
  }
  const held = claim.messages.map((m) => m.id);
  const stopHeartbeat = startHeartbeat({
    everyMs: heartbeatIntervalMs(context.config.lockTimeoutMs),
    beat: () => renewClaims(context.db, owner, held),
    onError: (err) => context.logger?.warn({ err, owner }, 'could not renew claims'),
  });
  try {
    await processClaimed(context, owner, now, claim.messages, counts, timings);
  } finally {
    stopHeartbeat();
  }
  context.logger?.debug(
    { owner, claimed: claim.messages.length, ...counts, ...roundTimings(timings) },
    'dispatched batch',
  );
  return claim.messages.length;
}

async function processClaimed(
  context: BatchContext,
  owner: string,
  now: Date,
  messages: readonly ClaimedMessage[],
  counts: DispatchCounts,
  timings: BatchTimings,
): Promise<void> {
  let started = performance.now();
  const candidates = await loadCandidates(context, owner, messages, counts);
  timings.lookupMs = performance.now() - started;
  const toDeliver: Candidate[] = [];
  const outcomes = new Outcomes();
  for (const candidate of candidates) {
    const action = planCandidate(candidate, now);
    if (action.action === 'deliver') toDeliver.push(candidate);
    else outcomes.add(candidate, action);
  }
  started = performance.now();
  await recordOutcomes(context.db, context.history, owner, now, outcomes, counts, context.metrics);
  timings.recordMs = performance.now() - started;
  await deliverCandidates(context, owner, now, toDeliver, counts, timings);
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
