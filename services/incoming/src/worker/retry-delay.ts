/**
 * Back-off after a failed hand-over: `baseMs` after the first attempt, doubling with each
 * further one, never more than `maxMs` (exponential, as graphile-worker's, but capped in
 * minutes: a customer waiting for a confirmation should not wait hours after an outage).
 *
 * @example
 * retryDelayMs(1, { baseMs: 5_000, maxMs: 300_000 }) // => 5000
 * retryDelayMs(4, { baseMs: 5_000, maxMs: 300_000 }) // => 40000
 */
export function retryDelayMs(
  attempts: number,
  options: { readonly baseMs: number; readonly maxMs: number },
): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(options.baseMs * 2 ** exponent, options.maxMs);
}
