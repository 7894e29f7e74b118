import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceCallOptions, ServiceClient } from '../clients/service-client.ts';
import { CalendarSource } from './calendar-source.ts';
import type { SyncState, SyncStateStore } from './sync-state.ts';

const CALENDAR = { timeZone: 'UTC', start: '09:00', end: '17:00' };

interface Call {
  readonly path: string;
  readonly query: ServiceCallOptions['query'];
  readonly at: number;
}

/**
 * A customer service in memory: `published` is what it publishes; a call with `waitMs` is
 * held until `publish` changes it (or the wait runs out), as the real one does.
 */
function fakeCustomerService(options: { holds?: boolean } = {}) {
  const holds = options.holds ?? true;
  const published = { version: 1, customerChangeSeq: '0' };
  const calls: Call[] = [];
  const held = new Set<() => void>();
  const answer = (heldMs: number) => ({
    status: 200,
    body: {
      version: published.version,
      calendar: CALENDAR,
      updatedAt: '2026-12-05T00:00:00.000Z',
      customerChangeSeq: published.customerChangeSeq,
      ...(holds ? { heldMs } : {}),
    },
  });
  const client = {
    timeoutMs: 1_000,
    call(_method: string, path: string, call: ServiceCallOptions = {}) {
      calls.push({ path, query: call.query, at: performance.now() });
      if (path !== '/internal/business-calendar') {
        // The change feed: every change up to the head was a creation (read past, unlisted).
        const after = String(call.query?.['after'] ?? '0');
        const lastSeq =
          BigInt(published.customerChangeSeq) > BigInt(after) ? published.customerChangeSeq : after;
        return Promise.resolve({ status: 200, body: { items: [], lastSeq, more: false } });
      }
      const query = call.query ?? {};
      const moved = () =>
        query['version'] !== published.version ||
        (query['customerChangeSeq'] !== undefined &&
          query['customerChangeSeq'] !== published.customerChangeSeq);
      if (!holds || query['waitMs'] === undefined || moved()) return Promise.resolve(answer(0));
      const started = performance.now();
      return new Promise((resolve, reject) => {
        const release = () => {
          held.delete(release);
          clearTimeout(timer);
          resolve(answer(Math.floor(performance.now() - started)));
        };
        const timer = setTimeout(release, Number(query['waitMs']));
        call.signal?.addEventListener('abort', () => {
          held.delete(release);
          clearTimeout(timer);
          reject(new Error('aborted'));
        });
        held.add(release);
      });
    },
  } as unknown as ServiceClient;
  return {
    client,
    calls,
    calendarCalls: () => calls.filter((c) => c.path === '/internal/business-calendar'),
    publish(change: Partial<typeof published>) {
      Object.assign(published, change);
      for (const release of [...held]) release();
    },
  };
}

function memoryState(): SyncStateStore & { state: SyncState } {
  const store = {
    state: { calendarVersion: null, customerChangeSeq: '0' } as SyncState,
    read: () => Promise.resolve(store.state),
    saveCalendarVersion(version: number) {
      store.state = { ...store.state, calendarVersion: version };
      return Promise.resolve();
    },
    saveCustomerChangeSeq(seq: string) {
      store.state = { ...store.state, customerChangeSeq: seq };
      return Promise.resolve();
    },
  };
  return store;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let running: CalendarSource | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** A started source that follows the calendar only (as incoming does), on `service`. */
function startCalendarOnly(
  service: ReturnType<typeof fakeCustomerService>,
  options: { retryDelayMs?: number; replanned?: number[] } = {},
): CalendarSource {
  const source = new CalendarSource({
    client: service.client,
    state: memoryState(),
    ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
    listener: {
      calendarChanged: (_calendar, version) => {
        options.replanned?.push(version);
        return Promise.resolve();
      },
    },
  });
  source.start();
  running = source;
  return source;
}

describe('CalendarSource', () => {
  it('watches: after the first answer it names what it recorded and is held until that moves', async () => {
    const service = fakeCustomerService();
    const replanned: number[] = [];
    const heads: string[] = [];
    const state = memoryState();
    running = new CalendarSource({
      client: service.client,
      state,
      watchMs: 5_000,
      listener: {
        calendarChanged: (_calendar, version) => {
          replanned.push(version);
          return Promise.resolve();
        },
        customersChanged: () => Promise.resolve(),
        customerChangeHead: (seq) => heads.push(seq),
      },
    });
    running.start();
    await expect.poll(() => running?.version).toBe(1);
    await sleep(300);
    // One plain call, then one held watch: no poll a second.
    expect(service.calendarCalls().map((c) => c.query)).toEqual([
      undefined,
      { version: 1, customerChangeSeq: '0', waitMs: 5_000 },
    ]);
    const published = performance.now();
    service.publish({ version: 2 });
    await expect.poll(() => state.state.calendarVersion, { interval: 5 }).toBe(2);
    expect(performance.now() - published).toBeLessThan(200);
    expect(replanned).toEqual([1, 2]);
    service.publish({ customerChangeSeq: '7' });
    await expect.poll(() => state.state.customerChangeSeq, { interval: 5 }).toBe('7');
    expect(heads.at(-1)).toBe('7');
    expect(service.calendarCalls().at(-1)?.query).toEqual({
      version: 2,
      customerChangeSeq: '7',
      waitMs: 5_000,
    });
  });

  it('names only the version when it does not follow the customers', async () => {
    const service = fakeCustomerService();
    startCalendarOnly(service);
    await expect.poll(() => service.calendarCalls().length).toBe(2);
    expect(service.calendarCalls()[1]?.query).toEqual({ version: 1, waitMs: 25_000 });
  });

  it('polls once per retry delay, not in a spin, a customer service that does not hold answers', async () => {
    const service = fakeCustomerService({ holds: false });
    startCalendarOnly(service, { retryDelayMs: 100 });
    await sleep(1_000);
    // Ten retry delays: about ten calls (a spin would make thousands).
    expect(service.calendarCalls().length).toBeGreaterThanOrEqual(5);
    expect(service.calendarCalls().length).toBeLessThanOrEqual(15);
  });

  it('gives up the held watch at once on stop', async () => {
    const service = fakeCustomerService();
    const source = startCalendarOnly(service);
    await expect.poll(() => service.calendarCalls().length).toBe(2);
    const started = performance.now();
    await source.stop();
    running = undefined;
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('answers sync at once while a watch is held', async () => {
    const service = fakeCustomerService();
    const replanned: number[] = [];
    const source = startCalendarOnly(service, { replanned });
    await expect.poll(() => service.calendarCalls().length).toBe(2);
    const started = performance.now();
    await source.sync();
    expect(performance.now() - started).toBeLessThan(200);
    expect(source.version).toBe(1);
    expect(replanned).toEqual([1]);
  });
});
