import { isDeadlock } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { DispatcherConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { takeDispatchTokens } from '../db/dispatch-rate-repository.ts';
import { anyDueMessages, type ClaimedMessage, claimDueMessages } from '../db/message-queue.ts';
import type { IdleQueueMemo } from './idle-queue-memo.ts';

/** A claim's result: the messages, or how long to wait for the rate limit's next second. */
export interface ClaimResult {
  /** The batch (`dispatch_batch.id`, one lease) holding the messages; null when none. */
  readonly batch: string | null;
  readonly messages: ClaimedMessage[];
  readonly retryInMs: number;
  /**
   * With a cap: true when it may have left due messages unclaimed (it granted fewer than a
   * batch and the claim used them all), false when the claim found less than it allowed.
   */
  readonly capped: boolean;
}

/**
 * Claims a batch for `owner` at `now`, within the per-second delivery budget shared by
 * every replica when `DISPATCH_RATE_PER_SECOND` is set: the tokens are taken in the
 * claim's transaction and the unused ones given back. A deadlock (replicas taking tokens
 * at once) is not an error: the worker tries again shortly.
 */
export async function claimWithinRate(
  db: Kysely<Database>,
  config: DispatcherConfig,
  owner: string,
  now: Date,
  idle?: IdleQueueMemo,
): Promise<ClaimResult> {
  const claim = { owner, now, leaseMs: config.lockTimeoutMs };
  const nothing = { batch: null, messages: [], retryInMs: 0, capped: false };
  // An idle queue costs one plain read per poll, not a locking transaction (issue 15),
  // and one per process: the claim loops share it.
  const ask = () => anyDueMessages(db, claim);
  if (!(await (idle ? idle.due(now, ask) : ask()))) return nothing;
  try {
    return await db
      .transaction()
      .setIsolationLevel('read committed')
      .execute(async (trx) => {
        if (config.ratePerSecond === undefined) {
          const claimed = await claimDueMessages(trx, { ...claim, limit: config.batchSize });
          return { ...claimed, retryInMs: 0, capped: false };
        }
        const tokens = await takeDispatchTokens(trx, config.ratePerSecond, config.batchSize);
        if (tokens.granted === 0) {
          return { batch: null, messages: [], retryInMs: tokens.msToNextSecond, capped: true };
        }
        const claimed = await claimDueMessages(trx, { ...claim, limit: tokens.granted });
        const taken = claimed.messages.length;
        await tokens.giveBack(tokens.granted - taken);
        const capped = taken === tokens.granted && tokens.granted < config.batchSize;
        return { ...claimed, retryInMs: 0, capped };
      });
  } catch (error) {
    if (isDeadlock(error)) return { batch: null, messages: [], retryInMs: 20, capped: false };
    throw error;
  }
}
