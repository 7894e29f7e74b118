import { backoffMs, type BackoffPolicy, nominalBackoffMs } from '@screenmagic/service-kit';

/** e^attempts seconds, at most e^10 s ≈ 6 h 7 min. */
const DELIVERY_BACKOFF: BackoffPolicy = {
  baseMs: Math.E * 1_000,
  growth: Math.E,
  maxMs: Math.exp(10) * 1_000,
};

/**
 * The longest wait before the next delivery attempt after `attempts` failed ones:
 * e^min(attempts, 10) seconds (2.7 s, 7.4 s, 20 s, 55 s, 2.5 min, … 6.1 h). The wait
 * used is jittered between half of it and all of it ({@link afterFailedAttempt}).
 *
 * @example
 * retryDelayMs(1) // => 2718
 */
export function retryDelayMs(attempts: number): number {
  return nominalBackoffMs(attempts, DELIVERY_BACKOFF);
}

/**
 * After a failed attempt: try again later — between half of {@link retryDelayMs} and all
 * of it, at random, so messages that failed together (a receiver outage) do not all come
 * back in the same second — or give up once `maxAttempts` are spent.
 */
export function afterFailedAttempt(
  attempts: number,
  maxAttempts: number,
  now: Date,
  random: () => number = Math.random,
): { readonly outcome: 'retry'; readonly at: Date } | { readonly outcome: 'fail' } {
  if (attempts >= maxAttempts) return { outcome: 'fail' };
  return {
    outcome: 'retry',
    at: new Date(now.getTime() + backoffMs(attempts, DELIVERY_BACKOFF, random)),
  };
}
