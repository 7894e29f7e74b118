import { describe, expect, it } from 'vitest';
import {
  FEED_CHECK_MS,
  IDLE_AFTER_MS,
  mayRestOnHead,
  replicaFreshness,
} from './replica-freshness.ts';

const base = { filled: true, caughtUpAt: 10_000, maxStalenessMs: 5_000 };

describe('replicaFreshness', () => {
  it('trusts a replica caught up within the bound', () => {
    expect(replicaFreshness({ ...base, now: 12_500 })).toEqual({ fresh: true, ageMs: 2_500 });
  });

  it('still trusts it at exactly the bound, and not one millisecond later', () => {
    expect(replicaFreshness({ ...base, now: 15_000 }).fresh).toBe(true);
    expect(replicaFreshness({ ...base, now: 15_001 })).toEqual({
      fresh: false,
      reason: 'STALE',
      ageMs: 5_001,
    });
  });

  it('refuses a replica that was never caught up in this process', () => {
    expect(replicaFreshness({ ...base, caughtUpAt: undefined, now: 10_000 })).toEqual({
      fresh: false,
      reason: 'STALE',
      ageMs: null,
    });
  });

  it('refuses a replica whose first fill has not finished, however recent the poll', () => {
    expect(replicaFreshness({ ...base, filled: false, now: 10_001 })).toEqual({
      fresh: false,
      reason: 'NOT_FILLED',
      ageMs: 1,
    });
  });

  it('follows the configured bound', () => {
    expect(replicaFreshness({ ...base, maxStalenessMs: 500, now: 10_600 }).fresh).toBe(false);
    expect(replicaFreshness({ ...base, maxStalenessMs: 60_000, now: 60_000 }).fresh).toBe(true);
  });
});

describe('mayRestOnHead', () => {
  const idle = {
    nobodyWaits: true,
    settled: true,
    cursor: '7',
    head: '7',
    caughtUpAt: 9_500,
    feedAskedAt: 2_000,
    readAt: 9_900,
    now: 10_000,
    pollIntervalMs: 1_000,
    maxStalenessMs: 5_000,
  };

  it('rests on a proof of the head it stands at, younger than two intervals', () => {
    expect(mayRestOnHead(idle)).toBe(true);
    expect(mayRestOnHead({ ...idle, caughtUpAt: 8_001 })).toBe(true);
    expect(mayRestOnHead({ ...idle, caughtUpAt: 8_000 })).toBe(false);
  });

  it('asks the feed for a head beyond its cursor, or before it knows its cursor or any head', () => {
    expect(mayRestOnHead({ ...idle, head: '8' })).toBe(false);
    expect(mayRestOnHead({ ...idle, cursor: undefined })).toBe(false);
    expect(mayRestOnHead({ ...idle, head: undefined })).toBe(false);
  });

  it('asks the feed when something waits for it, before it settled, or 10 s after it last asked', () => {
    expect(mayRestOnHead({ ...idle, nobodyWaits: false })).toBe(false);
    expect(mayRestOnHead({ ...idle, settled: false })).toBe(false);
    expect(mayRestOnHead({ ...idle, feedAskedAt: 10_000 - FEED_CHECK_MS })).toBe(false);
  });

  it('never rests on a proof older than half the bound, whatever the interval', () => {
    const slow = { ...idle, pollIntervalMs: 2_400, maxStalenessMs: 5_000 };
    expect(mayRestOnHead({ ...slow, caughtUpAt: 10_000 - 2_499 })).toBe(true);
    expect(mayRestOnHead({ ...slow, caughtUpAt: 10_000 - 2_500 })).toBe(false);
  });
});

describe('mayRestOnHead, a replica nobody reads', () => {
  const unread = {
    nobodyWaits: true,
    settled: true,
    cursor: '7',
    head: '7',
    caughtUpAt: 1_000,
    feedAskedAt: 1_000,
    readAt: 50_000 - IDLE_AFTER_MS,
    now: 50_000,
    pollIntervalMs: 1_000,
    maxStalenessMs: 5_000,
  };

  it('rests at the head however old its proof, once nobody read it for 10 s', () => {
    expect(mayRestOnHead(unread)).toBe(true);
    expect(mayRestOnHead({ ...unread, caughtUpAt: undefined })).toBe(true);
    // Read a moment before: it proves itself again (asks the feed).
    expect(mayRestOnHead({ ...unread, readAt: 50_000 - IDLE_AFTER_MS + 1 })).toBe(false);
  });

  it('still follows a head beyond it and still answers whatever waits for the feed', () => {
    expect(mayRestOnHead({ ...unread, head: '8' })).toBe(false);
    expect(mayRestOnHead({ ...unread, head: undefined })).toBe(false);
    expect(mayRestOnHead({ ...unread, nobodyWaits: false })).toBe(false);
    expect(mayRestOnHead({ ...unread, settled: false })).toBe(false);
  });
});
