import { describe, expect, it } from 'vitest';
import { DailyCapTally } from './daily-cap.ts';

const NEW_YORK = 'America/New_York';
// Tuesday 22 December 2026, 09:30 in New York (UTC−5).
const TUESDAY = new Date('2026-12-22T14:30:00.000Z');
const zones: Record<string, string> = { vac: NEW_YORK, kim: 'Asia/Kolkata' };
const zoneOf = (id: string) => zones[id];

describe('DailyCapTally', () => {
  it('admits the first `cap` messages of a customer-local day in the order asked, then refuses', () => {
    const tally = new DailyCapTally(2, [], zoneOf);
    const asked = ['m1', 'm2', 'm3', 'm4'].map((id) => tally.admits(id, 'vac', NEW_YORK, TUESDAY));
    expect(asked).toEqual([true, true, false, false]);
    // Another customer's day is their own.
    expect(tally.admits('k1', 'kim', 'Asia/Kolkata', TUESDAY)).toBe(true);
  });

  it("counts the deliveries already made on the day, by the customer's current zone", () => {
    const tally = new DailyCapTally(
      2,
      [
        // Tuesday 08:00 in New York: the same local day.
        { customerId: 'vac', at: new Date('2026-12-22T13:00:00.000Z') },
        // Monday 23:30 in New York (already Tuesday in UTC): the day before.
        { customerId: 'vac', at: new Date('2026-12-22T04:30:00.000Z') },
      ],
      zoneOf,
    );
    expect(tally.admits('m1', 'vac', NEW_YORK, TUESDAY)).toBe(true);
    expect(tally.admits('m2', 'vac', NEW_YORK, TUESDAY)).toBe(false);
    // Wednesday is a new day.
    expect(tally.admits('m3', 'vac', NEW_YORK, new Date('2026-12-23T14:00:00.000Z'))).toBe(true);
  });

  it('asks again about an admitted message for free, and never counts a refused one', () => {
    const tally = new DailyCapTally(1, [], zoneOf);
    expect(tally.admits('m1', 'vac', NEW_YORK, TUESDAY)).toBe(true);
    expect(tally.admits('m1', 'vac', NEW_YORK, TUESDAY)).toBe(true);
    expect(tally.admits('m2', 'vac', NEW_YORK, TUESDAY)).toBe(false);
    expect(tally.admits('m2', 'vac', NEW_YORK, TUESDAY)).toBe(false);
  });

  it('refuses every marketing message with a cap of 0, and skips deliveries of a customer gone', () => {
    expect(new DailyCapTally(0, [], zoneOf).admits('m1', 'vac', NEW_YORK, TUESDAY)).toBe(false);
    const tally = new DailyCapTally(1, [{ customerId: 'gone', at: TUESDAY }], zoneOf);
    expect(tally.admits('m1', 'vac', NEW_YORK, TUESDAY)).toBe(true);
  });
});
