import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SUPPORTED_MS, MIN_SUPPORTED_MS } from './internal/civil.ts';
import { nextOpen } from './next-open.ts';
import { openIntervals } from './open-intervals.ts';
import { parseSchedule } from './parse-schedule.ts';
import { sharedOpenIntervals } from './shared-open-intervals.ts';
import { at, iso } from './testing/helpers.ts';

// Year 9999 in Kiribati (UTC+14) and Niue (UTC-11): the zones that reach furthest past
// the end of the supported range in local time.
const kiribati = parseSchedule({ timeZone: 'Pacific/Kiritimati', start: '09:00', end: '17:00' });
const niue = parseSchedule({ timeZone: 'Pacific/Niue', start: '09:00', end: '17:00' });
const weekdaysOnly = parseSchedule({
  timeZone: 'Asia/Kolkata',
  start: '09:00',
  end: '18:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
});
const END = new Date(MAX_SUPPORTED_MS); // 9999-12-31T00:00:00.000Z
const START = new Date(MIN_SUPPORTED_MS); // 0001-01-01T00:00:00.000Z

describe('the edges of the supported years (0001 to 9999-12-31T00:00Z)', () => {
  it('nextOpen finds no opening at or after the end instead of throwing', () => {
    expect(nextOpen(kiribati, at('9999-12-31T23:59:59Z'))).toBeNull();
    expect(nextOpen(niue, END)).toBeNull();
    expect(nextOpen([kiribati, weekdaysOnly], at('+100000-01-01T00:00:00Z'))).toBeNull();
  });

  it('nextOpen finds an opening just before the end and none when the horizon passes it', () => {
    // Thursday 30 December 9999, 08:00 in Kolkata: the business opens at 09:00 local.
    expect(nextOpen(weekdaysOnly, at('9999-12-30T02:30:00Z'))?.toISOString()).toBe(
      '9999-12-30T03:30:00.000Z',
    );
    // Thursday 30 December 9999, 19:00 in Kolkata: the next opening (the 31st) is past the end.
    expect(nextOpen(weekdaysOnly, at('9999-12-30T13:30:00Z'), { horizonDays: 366 })).toBeNull();
  });

  it('nextOpen searches from the start when asked about an instant before it', () => {
    const found = nextOpen(niue, at('-000100-06-01T00:00:00Z'), { horizonDays: 400 * 365 });
    expect(found).not.toBeNull();
    expect(found!.getTime()).toBeGreaterThanOrEqual(MIN_SUPPORTED_MS);
    expect(found!.getTime()).toBeLessThan(MIN_SUPPORTED_MS + 2 * 86_400_000);
  });

  it('openIntervals and sharedOpenIntervals are clipped to the supported years', () => {
    expect(openIntervals(niue, at('9999-12-30T00:00:00Z'), at('9999-12-31T23:00:00Z'))).toEqual(
      openIntervals(niue, at('9999-12-30T00:00:00Z'), END),
    );
    expect(openIntervals(kiribati, END, at('9999-12-31T23:59:59Z'))).toEqual([]);
    expect(
      iso(
        sharedOpenIntervals(
          [kiribati, niue],
          at('0000-12-30T00:00:00Z'),
          at('0001-01-02T00:00:00Z'),
        ),
      ),
    ).toEqual(iso(sharedOpenIntervals([kiribati, niue], START, at('0001-01-02T00:00:00Z'))));
  });

  it('no instant a Date can hold makes nextOpen or openIntervals throw', () => {
    const anyDate = fc.date({ noInvalidDate: true });
    const nearEdges = fc.oneof(
      fc.integer({ min: MAX_SUPPORTED_MS - 40 * 86_400_000, max: MAX_SUPPORTED_MS + 86_400_000 }),
      fc.integer({ min: MIN_SUPPORTED_MS - 86_400_000, max: MIN_SUPPORTED_MS + 40 * 86_400_000 }),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          anyDate,
          nearEdges.map((ms) => new Date(ms)),
        ),
        fc.integer({ min: 0, max: 400 }),
        (instant, horizonDays) => {
          const found = nextOpen([weekdaysOnly, niue], instant, { horizonDays });
          if (found !== null) {
            expect(found.getTime()).toBeGreaterThanOrEqual(instant.getTime());
            expect(found.getTime()).toBeLessThan(MAX_SUPPORTED_MS);
          }
          const to = new Date(Math.min(instant.getTime() + 3 * 86_400_000, 8.64e15));
          for (const interval of openIntervals(kiribati, instant, to)) {
            expect(interval.end.getTime()).toBeLessThanOrEqual(MAX_SUPPORTED_MS);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
