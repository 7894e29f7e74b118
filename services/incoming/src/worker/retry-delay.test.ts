import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-delay.ts';

describe('retryDelayMs', () => {
  it('doubles from the base with each attempt and stops at the cap', () => {
    const options = { baseMs: 5_000, maxMs: 300_000 };
    expect([1, 2, 3, 4, 7, 8, 50].map((n) => retryDelayMs(n, options))).toEqual([
      5_000, 10_000, 20_000, 40_000, 300_000, 300_000, 300_000,
    ]);
  });
});
