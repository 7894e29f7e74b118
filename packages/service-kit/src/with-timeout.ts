/**
 * `promise`, or a rejection with `message` once `ms` have passed without it settling (the
 * work itself goes on: the caller stops waiting for it). The timer is cleared either way.
 *
 * @example
 * await withTimeout(check(), 2_000) // rejects with "no answer within 2000 ms" if check hangs
 */
export function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  message = `no answer within ${ms} ms`,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
