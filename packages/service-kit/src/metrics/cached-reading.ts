import { withTimeout } from '../with-timeout.ts';
/**
 * A reading taken at most once per `ttlMs` however often Prometheus scrapes (and however
 * many gauges share it): concurrent scrapes share the query in flight; a failed or slow
 * reading (over `timeoutMs`) answers the last good value, or undefined before the first,
 * so a database outage never fails the whole scrape nor piles up queries.
 */
export function cachedReading<T>(
  read: () => Promise<T>,
  options: { ttlMs: number; timeoutMs?: number },
): () => Promise<T | undefined> {
  let value: T | undefined;
  let takenAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<T | undefined> | undefined;
  const timeoutMs = options.timeoutMs ?? 2_000;

  const refresh = async (): Promise<T | undefined> => {
    try {
      value = await withTimeout(read(), timeoutMs, 'reading timed out');
      takenAt = performance.now();
    } catch {
      // keep the last good value; the next scrape tries again
    } finally {
      inFlight = undefined;
    }
    return value;
  };

  return () => {
    if (performance.now() - takenAt < options.ttlMs) return Promise.resolve(value);
    inFlight ??= refresh();
    return inFlight;
  };
}
