import { toError } from '../errors.ts';

/** How often a heartbeat renews a lease: three chances before it expires. */
export function heartbeatIntervalMs(leaseMs: number): number {
  return Math.max(250, Math.floor(leaseMs / 3));
}

/**
 * Runs `beat` every `everyMs` until the returned function is called (in a `finally`):
 * renews the leases of work in progress. A failed beat is reported and the next one
 * tried; the timer does not keep the process alive.
 */
export function startHeartbeat(options: {
  readonly everyMs: number;
  readonly beat: () => Promise<unknown>;
  readonly onError?: (error: Error) => void;
}): () => void {
  const timer = setInterval(() => {
    options.beat().catch((error: unknown) => options.onError?.(toError(error)));
  }, options.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
