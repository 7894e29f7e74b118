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
