import { describe, expect, it } from 'vitest';
import { DependencyUnavailableError } from '../errors.ts';
import { logBatchFailure } from './batch-failure.ts';

function recordingLogger() {
  const lines: Array<{ level: 'warn' | 'error'; fields: Record<string, unknown>; msg: string }> =
    [];
  return {
    lines,
    warn: (fields: Record<string, unknown>, msg: string) =>
      lines.push({ level: 'warn', fields, msg }),
    error: (fields: Record<string, unknown>, msg: string) =>
      lines.push({ level: 'error', fields, msg }),
  };
}

describe('logBatchFailure', () => {
  it('reports another service not answering as a warning without a stack', () => {
    const logger = recordingLogger();
    logBatchFailure(
      logger as never,
      'calendar-source',
      new DependencyUnavailableError(
        'customer',
        'The customer service is unavailable; retry later',
        new Error('connect ECONNREFUSED 127.0.0.1:3001'),
      ),
    );
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]?.level).toBe('warn');
    expect(logger.lines[0]?.msg).toBe('dependency unavailable; retrying');
    expect(logger.lines[0]?.fields).toEqual({
      worker: 'calendar-source',
      reason:
        'The customer service is unavailable; retry later: connect ECONNREFUSED 127.0.0.1:3001',
      dependency: 'customer',
    });
  });

  it('reports any other failure as an error with the error itself', () => {
    const logger = recordingLogger();
    const failure = new TypeError('bug');
    logBatchFailure(logger as never, 'dispatcher', failure);
    expect(logger.lines).toEqual([
      { level: 'error', fields: { err: failure, worker: 'dispatcher' }, msg: 'batch failed' },
    ]);
  });
});
