import { describe, expect, it } from 'vitest';
import { forEachLimited } from './for-each-limited.ts';

describe('forEachLimited', () => {
  it('visits every item with no more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    await forEachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push(n);
      inFlight--;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('does nothing for no items', async () => {
    await expect(
      forEachLimited([], 4, () => Promise.reject(new Error('never'))),
    ).resolves.toBeUndefined();
  });
});
