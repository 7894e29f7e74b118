import { describe, expect, it } from 'vitest';
import { backoffMs, nominalBackoffMs } from './backoff.ts';

const doubling = { baseMs: 1_000, growth: 2, maxMs: 60_000 };
const exponential = { baseMs: Math.E * 1_000, growth: Math.E, maxMs: Math.exp(10) * 1_000 };

describe('back-off', () => {
  it('grows by the factor per attempt from the base, up to the cap', () => {
    expect([1, 2, 3, 6, 7, 50].map((n) => nominalBackoffMs(n, doubling))).toEqual([
      1_000, 2_000, 4_000, 32_000, 60_000, 60_000,
    ]);
    expect([1, 3, 10, 25].map((n) => nominalBackoffMs(n, exponential))).toEqual([
      2_718, 20_086, 22_026_466, 22_026_466,
    ]);
  });

  it('jitters between half the nominal wait and the nominal wait', () => {
    for (const attempts of [1, 2, 5, 10, 30]) {
      const nominal = nominalBackoffMs(attempts, exponential);
      expect(backoffMs(attempts, exponential, () => 0)).toBe(Math.round(nominal / 2));
      expect(backoffMs(attempts, exponential, () => 1)).toBe(nominal);
      for (let i = 0; i < 200; i++) {
        const delay = backoffMs(attempts, exponential);
        expect(delay).toBeGreaterThanOrEqual(Math.round(nominal / 2));
        expect(delay).toBeLessThanOrEqual(nominal);
      }
    }
  });

  it('spreads retries that failed together instead of sending them in one wave', () => {
    const delays = Array.from({ length: 1_000 }, () => backoffMs(4, doubling));
    expect(new Set(delays).size).toBeGreaterThan(500);
    const mean = delays.reduce((sum, d) => sum + d, 0) / delays.length;
    expect(mean).toBeGreaterThan(5_500);
    expect(mean).toBeLessThan(6_500);
  });
});
