import { describe, expect, it } from 'vitest';
import { gridInstant, gridSleep } from './interval-grid.ts';
import { PollLoop } from './poll-loop.ts';

describe('sleeping on a grid of the interval', () => {
  it('ends a sleep at the next multiple of the interval at least half an interval away', () => {
    expect(gridInstant(1_000, 0)).toBe(1_000);
    expect(gridInstant(1_000, 499)).toBe(1_000);
    expect(gridInstant(1_000, 501)).toBe(2_000);
    expect(gridInstant(1_000, 1_234.5)).toBe(2_000);
    for (const now of [0, 17.3, 480, 999.9, 1_500, 123_456.7]) {
      const sleep = gridInstant(1_000, now) - now;
      expect(sleep).toBeGreaterThanOrEqual(500);
      expect(sleep).toBeLessThan(1_500);
    }
  });

  it('wakes idle loops of the same interval together, whenever each started', async () => {
    const wokeAt: number[][] = [[], []];
    const loops = wokeAt.map(
      (times) =>
        new PollLoop({
          name: 'grid',
          pollIntervalMs: 100,
          runBatch: () => {
            times.push(performance.now());
            return Promise.resolve(0);
          },
        }),
    );
    loops[0]?.start();
    await new Promise((resolve) => setTimeout(resolve, 37));
    loops[1]?.start();
    await new Promise((resolve) => setTimeout(resolve, 700));
    await Promise.all(loops.map((loop) => loop.stop()));
    // From the second wake on, each of B's polls is within a few ms of one of A's.
    const [a = [], b = []] = wokeAt;
    expect(b.length).toBeGreaterThanOrEqual(5);
    for (const at of b.slice(2)) {
      expect(Math.min(...a.map((other) => Math.abs(other - at)))).toBeLessThan(5);
    }
  });

  it('ends a grid sleep at its instant, or at once when woken', async () => {
    let started = performance.now();
    await gridSleep(100).done;
    const slept = performance.now() - started;
    expect(slept).toBeGreaterThanOrEqual(49);
    expect(slept).toBeLessThan(200);
    const sleep = gridSleep(10_000);
    started = performance.now();
    setTimeout(() => sleep.wake(), 20);
    await sleep.done;
    expect(performance.now() - started).toBeLessThan(500);
  });
});
