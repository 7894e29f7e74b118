import { afterEach, describe, expect, it } from 'vitest';
import type { PublishedHead } from '../domain/head-moved.ts';
import { ChangeWatch } from './change-watch.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A head in memory and a count of its reads. */
function storedHead() {
  const stored = { head: { version: 1, customerChangeSeq: '5' } as PublishedHead, reads: 0 };
  const read = () => {
    stored.reads++;
    return Promise.resolve({ ...stored.head });
  };
  return { stored, read };
}

let watch: ChangeWatch | undefined;
afterEach(() => watch?.close());

describe('ChangeWatch', () => {
  it('reads nothing while nobody waits', async () => {
    const { stored, read } = storedHead();
    watch = new ChangeWatch({ read, checkIntervalMs: 20 });
    watch.nudge();
    await sleep(100);
    expect(stored.reads).toBe(0);
  });

  it('releases a waiter when the head it knows moves, reading once per interval for all', async () => {
    const { stored, read } = storedHead();
    const watching = new ChangeWatch({ read, checkIntervalMs: 50 });
    watch = watching;
    let released = 0;
    const waits = Array.from({ length: 10 }, () =>
      watching.wait({ version: 1 }, 10_000).then(() => released++),
    );
    await sleep(180);
    // Ten waiters, about three intervals: about three reads, not thirty.
    expect(stored.reads).toBeGreaterThanOrEqual(2);
    expect(stored.reads).toBeLessThanOrEqual(4);
    expect(released).toBe(0);
    stored.head = { version: 2, customerChangeSeq: '5' };
    await Promise.all(waits);
    expect(released).toBe(10);
    const reads = stored.reads;
    await sleep(150);
    expect(stored.reads).toBe(reads);
  });

  it('reads at once on a nudge, and at most once per 50 ms while nudges keep coming', async () => {
    const { stored, read } = storedHead();
    watch = new ChangeWatch({ read, checkIntervalMs: 60_000 });
    const waiting = watch.wait({ version: 1, customerChangeSeq: '5' }, 10_000);
    const started = performance.now();
    while (performance.now() - started < 500) {
      watch.nudge();
      await sleep(1);
    }
    expect(stored.reads).toBeGreaterThanOrEqual(5);
    expect(stored.reads).toBeLessThanOrEqual(12);
    stored.head = { version: 1, customerChangeSeq: '6' };
    const nudged = performance.now();
    watch.nudge();
    await waiting;
    expect(performance.now() - nudged).toBeLessThan(100);
  });

  it('reads no more once closed between two reads of a stream of nudges', async () => {
    const { stored } = storedHead();
    // The first read is held until released: a nudge during it asks for another read after
    // the 50 ms gap.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const read = async () => {
      stored.reads++;
      await held;
      return { ...stored.head };
    };
    const watching = new ChangeWatch({ read, checkIntervalMs: 60_000 });
    watch = watching;
    const waiting = watching.wait({ version: 1, customerChangeSeq: '5' }, 10_000);
    watching.nudge();
    release();
    await sleep(5); // the first read is done; the gap before the next one runs
    expect(stored.reads).toBe(1);
    watching.close();
    await waiting;
    await sleep(100);
    expect(stored.reads).toBe(1);
  });

  it('ends a wait when it runs out, when its caller goes away, and all of them on close', async () => {
    const { read } = storedHead();
    watch = new ChangeWatch({ read, checkIntervalMs: 60_000 });
    let started = performance.now();
    await watch.wait({ version: 1 }, 100);
    expect(performance.now() - started).toBeGreaterThanOrEqual(99);

    const gone = new AbortController();
    const abandoned = watch.wait({ version: 1 }, 10_000, gone.signal);
    gone.abort();
    await abandoned;
    expect(watch.waiting).toBe(0);

    const held = [watch.wait({ version: 1 }, 10_000), watch.wait({ version: 1 }, 10_000)];
    expect(watch.waiting).toBe(2);
    started = performance.now();
    watch.close();
    await Promise.all(held);
    expect(performance.now() - started).toBeLessThan(50);
    // Closed: a new wait returns at once.
    started = performance.now();
    await watch.wait({ version: 1 }, 10_000);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('releases every waiter when the head cannot be read (their answers report the outage)', async () => {
    let reads = 0;
    watch = new ChangeWatch({
      read: () => {
        reads++;
        return Promise.reject(new Error('database down'));
      },
      checkIntervalMs: 30,
    });
    const started = performance.now();
    await watch.wait({ version: 1 }, 10_000);
    expect(performance.now() - started).toBeLessThan(500);
    expect(reads).toBe(1);
  });
});
