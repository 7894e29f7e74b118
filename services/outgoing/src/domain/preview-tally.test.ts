import { describe, expect, it } from 'vitest';
import { completion, PreviewTally } from './preview-tally.ts';
import type { RecipientPlan } from './recipient-planner.ts';

const t0 = Date.parse('2026-12-07T09:00:00.000Z');
const plan = (status: RecipientPlan['status'], at: number | null): RecipientPlan => ({
  status,
  reason: status === 'suppressed' ? 'OPTED_OUT' : 'IN_WINDOW',
  reasonDetail: null,
  scheduledFor: at === null ? null : new Date(at),
  scheduledForLocal: null,
  dueAt: at === null ? null : new Date(at),
  localDay: null,
});

describe('completion', () => {
  it('without a rate is the last due time', () => {
    expect(
      completion(
        [
          [t0, 5],
          [t0 + 60_000, 3],
        ],
        undefined,
      )?.getTime(),
    ).toBe(t0 + 60_000);
  });

  it('spreads a group over seconds at the rate: 250 at 100/s end 2 s later', () => {
    expect(completion([[t0, 250]], 100)?.getTime()).toBe(t0 + 2_000);
    expect(completion([[t0, 200]], 100)?.getTime()).toBe(t0 + 1_000);
    expect(completion([[t0, 1]], 100)?.getTime()).toBe(t0);
  });

  it('carries a backlog into the next group, and lets a later group start fresh', () => {
    // 300 at t0 (3 s) then 50 at t0+1 s: they queue behind, finishing at t0+3 s.
    expect(
      completion(
        [
          [t0, 300],
          [t0 + 1_000, 50],
        ],
        100,
      )?.getTime(),
    ).toBe(t0 + 3_000);
    // A group an hour later starts at its own time.
    expect(
      completion(
        [
          [t0, 300],
          [t0 + 3_600_000, 10],
        ],
        100,
      )?.getTime(),
    ).toBe(t0 + 3_600_000);
  });

  it('is null with nothing to send', () => {
    expect(completion([], 10)).toBeNull();
  });
});

describe('PreviewTally', () => {
  it('counts statuses, sends per UTC hour, and the last send', () => {
    const tally = new PreviewTally();
    tally.add(plan('sending', t0));
    tally.add(plan('scheduled', t0 + 30 * 60_000));
    tally.add(plan('scheduled', t0 + 90 * 60_000));
    tally.add(plan('unreachable', null));
    tally.add(plan('suppressed', null));
    expect(tally.summary).toEqual({ sendingNow: 1, scheduled: 2, unreachable: 1, suppressed: 1 });
    const spread = tally.spread(undefined);
    expect(spread.byHour.map((h) => [h.hour.toISOString(), h.count])).toEqual([
      ['2026-12-07T09:00:00.000Z', 2],
      ['2026-12-07T10:00:00.000Z', 1],
    ]);
    expect(spread.lastScheduledFor?.getTime()).toBe(t0 + 90 * 60_000);
    expect(spread.estimatedCompletion?.getTime()).toBe(t0 + 90 * 60_000);
  });
});

describe('PreviewTally', () => {
  it('counts a schedule group of n recipients as n single recipients with its plan', () => {
    const one = new PreviewTally();
    const many = new PreviewTally();
    const plans = [
      plan('sending', t0),
      plan('scheduled', t0 + 3_600_000),
      plan('suppressed', null),
    ];
    for (const [i, p] of plans.entries()) {
      for (let k = 0; k <= i * 2; k++) one.add(p);
      many.add(p, i * 2 + 1);
    }
    expect(many.summary).toEqual({ sendingNow: 1, scheduled: 3, unreachable: 0, suppressed: 5 });
    expect(many.summary).toEqual(one.summary);
    expect(many.spread(1)).toEqual(one.spread(1));
  });
});
