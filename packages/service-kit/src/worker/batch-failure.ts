import type { Logger } from 'pino';
import { DependencyUnavailableError, toError } from '../errors.ts';

/**
 * How a background loop reports a failed round before it retries. Another service not
 * answering (yet: services start in any order, or it is restarting) is a `warn` naming the
 * service's own message, without a stack — the loop retries and nothing is lost; anything
 * else is an `error` with its stack. (`dependency`, not `service`: every line already names
 * its own service.)
 */
export function logBatchFailure(
  logger: Pick<Logger, 'warn' | 'error'> | undefined,
  worker: string,
  error: unknown,
): void {
  if (error instanceof DependencyUnavailableError) {
    // What was refused or timed out, as the error's cause says it (ECONNREFUSED 127.0.0.1:3001).
    const cause = error.cause === undefined ? '' : `: ${toError(error.cause).message}`;
    logger?.warn(
      { worker, dependency: error.service, reason: `${error.message}${cause}` },
      'dependency unavailable; retrying',
    );
    return;
  }
  logger?.error({ err: toError(error), worker }, 'batch failed');
}
