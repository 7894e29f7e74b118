/**
 * Whether the customer replica may be trusted for a dispatch decision, or why not.
 * `caughtUpAt` is when the last poll that reached the end of the change feed was sent; a
 * replica that has not reached it within `maxStalenessMs` cannot prove it has every change
 * committed since, so nothing may be sent on it (fail closed).
 */
export type ReplicaFreshness =
  | { readonly fresh: true; readonly ageMs: number }
  | {
      readonly fresh: false;
      /** NOT_FILLED: the first fill has not finished; STALE: the feed has not answered in time. */
      readonly reason: 'NOT_FILLED' | 'STALE';
      /** How long since the feed was last caught up; null when it never was (in this process). */
      readonly ageMs: number | null;
    };

export interface ReplicaFreshnessInput {
  /** The first fill (snapshot walk) finished. */
  readonly filled: boolean;
  /** A monotonic instant (ms): when the last poll that reached the feed's end was sent. */
  readonly caughtUpAt: number | undefined;
  /** The same monotonic clock, now. */
  readonly now: number;
  /** REPLICA_MAX_STALENESS_MS. */
  readonly maxStalenessMs: number;
}

/**
 * Fresh when filled and caught up within the bound; the bound itself still counts as fresh
 * (`ageMs <= maxStalenessMs`).
 *
 * @example
 * replicaFreshness({ filled: true, caughtUpAt: 1_000, now: 4_000, maxStalenessMs: 5_000 })
 * // → { fresh: true, ageMs: 3000 }
 */
export function replicaFreshness(input: ReplicaFreshnessInput): ReplicaFreshness {
  const ageMs = input.caughtUpAt === undefined ? null : Math.max(0, input.now - input.caughtUpAt);
  if (!input.filled) return { fresh: false, reason: 'NOT_FILLED', ageMs };
  if (ageMs === null || ageMs > input.maxStalenessMs) {
    return { fresh: false, reason: 'STALE', ageMs };
  }
  return { fresh: true, ageMs };
}

/** How long a replica in use may rest on others' proofs before it asks the feed itself. */
export const FEED_CHECK_MS = 10_000;

/** After this long without a read for dispatch, a replica stops proving itself (it rests). */
export const IDLE_AFTER_MS = 10_000;

export interface RestOnHeadInput {
  /** Nothing needs the feed asked now (no catch-up under way, no unknown recipient). */
  readonly nobodyWaits: boolean;
  /** Filled, and not waiting for a catch-up after a test clock set. */
  readonly settled: boolean;
  /** Where this process last saw the stored cursor; undefined before its first poll. */
  readonly cursor: string | undefined;
  /** The change head the calendar watch last published. */
  readonly head: string | undefined;
  /** When the freshest proof was asked for (monotonic ms). */
  readonly caughtUpAt: number | undefined;
  /** When a poll last asked the feed itself (monotonic ms). */
  readonly feedAskedAt: number;
  /** When dispatch last read the replica (monotonic ms). */
  readonly readAt: number;
  readonly now: number;
  readonly pollIntervalMs: number;
  readonly maxStalenessMs: number;
}

/**
 * Whether a replica poll may rest instead of asking the feed (docs/decisions.md,
 * "Wake-ups"): it stands at the head the calendar watch last published, nothing waits for
 * the feed, and either nobody read it for {@link IDLE_AFTER_MS} — an idle replica keeps its
 * data current from the heads (a head beyond it wakes it) but does not prove its freshness;
 * the next read asks the feed first — or the calendar's proof is younger than two poll
 * intervals (and half the bound) and the feed was asked within {@link FEED_CHECK_MS}.
 *
 * @example
 * mayRestOnHead({ nobodyWaits: true, settled: true, cursor: '7', head: '7', caughtUpAt: 9_500,
 *   feedAskedAt: 2_000, readAt: 9_900, now: 10_000, pollIntervalMs: 1_000,
 *   maxStalenessMs: 5_000 }) // → true
 */
export function mayRestOnHead(input: RestOnHeadInput): boolean {
  const atHead =
    input.nobodyWaits && input.settled && input.cursor !== undefined && input.head === input.cursor;
  if (!atHead) return false;
  if (input.now - input.readAt >= IDLE_AFTER_MS) return true;
  const proofAge = Math.min(2 * input.pollIntervalMs, input.maxStalenessMs / 2);
  return (
    input.caughtUpAt !== undefined &&
    input.now - input.caughtUpAt < proofAge &&
    input.now - input.feedAskedAt < FEED_CHECK_MS
  );
}
