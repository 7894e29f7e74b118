import { describe, expect, it } from 'vitest';
import { afterFailedAttempt, retryDelayMs } from './backoff.ts';

describe('retry backoff', () => {
  it('waits at most e^attempts seconds, capped at e^10', () => {
    expect(retryDelayMs(1)).toBe(2_718);
    expect(retryDelayMs(3)).toBe(20_086);
    expect(retryDelayMs(10)).toBe(22_026_466);
    expect(retryDelayMs(25)).toBe(22_026_466);
  });

  it('retries until the last allowed attempt, then fails', () => {
    const now = new Date('2026-11-30T10:00:00.000Z');
    expect(afterFailedAttempt(2, 3, now, () => 1)).toEqual({
      outcome: 'retry',
      at: new Date('2026-11-30T10:00:07.389Z'),
    });
    expect(afterFailedAttempt(3, 3, now)).toEqual({ outcome: 'fail' });
  });

  it('jitters the retry between half the delay and the whole delay', () => {
    const now = new Date('2026-11-30T10:00:00.000Z');
    const at = (random: () => number) => {
      const next = afterFailedAttempt(2, 3, now, random);
      return next.outcome === 'retry' ? next.at.toISOString() : next.outcome;
    };
    expect(at(() => 0)).toBe('2026-11-30T10:00:03.695Z');
    expect(at(() => 0.5)).toBe('2026-11-30T10:00:05.542Z');
    const spread = new Set(Array.from({ length: 100 }, () => at(Math.random)));
    expect(spread.size).toBeGreaterThan(50);
  });
});
