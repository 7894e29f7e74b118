import { describe, expect, it } from 'vitest';
import { cachedReading } from './cached-reading.ts';

describe('cachedReading', () => {
  it('reads once per ttl however many scrapes ask, sharing the query in flight', async () => {
    let reads = 0;
    const read = cachedReading(
      async () => {
        reads++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        return reads;
      },
      { ttlMs: 60_000 },
    );
    const values = await Promise.all([read(), read(), read()]);
    expect(values).toEqual([1, 1, 1]);
    expect(await read()).toBe(1);
    expect(reads).toBe(1);
  });

  it('reads again once the ttl has passed', async () => {
    let reads = 0;
    const read = cachedReading(() => Promise.resolve(++reads), { ttlMs: 0 });
    await read();
    await new Promise((resolve) => setTimeout(resolve, 2));
    expect(await read()).toBe(2);
  });

  it('answers the last good value when a reading fails or hangs', async () => {
    let mode: 'ok' | 'fail' | 'hang' = 'ok';
    const read = cachedReading(
      () =>
        mode === 'ok'
          ? Promise.resolve(42)
          : mode === 'fail'
            ? Promise.reject(new Error('database down'))
            : new Promise<number>(() => undefined),
      { ttlMs: 0, timeoutMs: 20 },
    );
    expect(await read()).toBe(42);
    mode = 'fail';
    expect(await read()).toBe(42);
    mode = 'hang';
    expect(await read()).toBe(42);
  });

  it('answers undefined before any reading succeeded', async () => {
    const read = cachedReading(() => Promise.reject(new Error('down')), { ttlMs: 0 });
    expect(await read()).toBeUndefined();
  });
});
