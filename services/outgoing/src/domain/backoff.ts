/** The longest wait between two attempts: e^10 s ≈ 6 h 7 min. */
const MAX_EXPONENT = 10;

/**
 * How long to wait before the next delivery attempt after `attempts` failed ones:
 * e^min(attempts, 10) seconds (2.7 s, 7.4 s, 20 s, 55 s, 2.5 min, … 6.1 h).
 *
 * @example
 * retryDelayMs(1) // => 2718
 */
export function retryDelayMs(attempts: number): number {
  return Math.round(Math.exp(Math.min(Math.max(attempts, 1), MAX_EXPONENT)) * 1000);
}

/** After a failed attempt: try again later, or give up once `maxAttempts` are spent. */
export function afterFailedAttempt(
  attempts: number,
  maxAttempts: number,
  now: Date,
): { readonly outcome: 'retry'; readonly at: Date } | { readonly outcome: 'fail' } {
  if (attempts >= maxAttempts) return { outcome: 'fail' };
  return { outcome: 'retry', at: new Date(now.getTime() + retryDelayMs(attempts)) };
}
