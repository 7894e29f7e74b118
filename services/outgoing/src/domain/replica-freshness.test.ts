import { describe, expect, it } from 'vitest';
import { FEED_CHECK_MS, mayRestOnHead, replicaFreshness } from './replica-freshness.ts';

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
