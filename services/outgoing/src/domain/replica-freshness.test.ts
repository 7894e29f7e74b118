import { describe, expect, it } from 'vitest';
import { replicaFreshness } from './replica-freshness.ts';

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
