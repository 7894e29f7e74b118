/** An exponential back-off: `baseMs × growth^(attempts − 1)`, at most `maxMs`. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly growth: number;
  readonly maxMs: number;
}

/**
 * The nominal wait after `attempts` failed attempts (at least one): `baseMs` after the
 * first, multiplied by `growth` after each further one, capped at `maxMs`.
 *
 * @example
 * nominalBackoffMs(3, { baseMs: 1_000, growth: 2, maxMs: 60_000 }) // => 4000
 */
export function nominalBackoffMs(attempts: number, policy: BackoffPolicy): number {
  const exponent = Math.max(attempts, 1) - 1;
  return Math.round(Math.min(policy.baseMs * policy.growth ** exponent, policy.maxMs));
}

/**
 * The wait actually used: "equal jitter" — uniformly between half the nominal wait and
 * the nominal wait, so retries of work that failed together (a receiver outage) spread
 * over half the interval instead of arriving in one wave, and never wait longer than
 * the nominal (documented) delay. `random` returns a number in [0, 1].
 *
 * @example
 * backoffMs(3, { baseMs: 1_000, growth: 2, maxMs: 60_000 }, () => 0) // => 2000
 * backoffMs(3, { baseMs: 1_000, growth: 2, maxMs: 60_000 }, () => 1) // => 4000
 */
export function backoffMs(
  attempts: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const nominal = nominalBackoffMs(attempts, policy);
  return Math.round(nominal / 2 + (nominal / 2) * Math.min(Math.max(random(), 0), 1));
}
