/** Closure ranges: every date from–to inclusive, in the schedule's own zone. */
import { describe, expect, it } from 'vitest';
import { isClosedOn } from './closed-day.ts';
import { isOpen } from './is-open.ts';
import { nextOpen } from './next-open.ts';
import { openIntervals } from './open-intervals.ts';
import { parseSchedule } from './parse-schedule.ts';
import { at, iso } from './testing/helpers.ts';

describe('closure ranges', () => {
  it('close every date from–to inclusive', () => {
    const s = parseSchedule({
      timeZone: 'Europe/London',
      start: '09:00',
      end: '17:30',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      closures: [{ from: '2026-12-24', to: '2027-01-01', name: 'Winter break' }],
    });
    for (const date of ['2026-12-24', '2026-12-28', '2026-12-31', '2027-01-01']) {
      expect(isClosedOn(s, date)).toBe(true);
    }
    expect(isClosedOn(s, '2026-12-23')).toBe(false);
    expect(isClosedOn(s, '2027-01-04')).toBe(false);
    expect(iso(openIntervals(s, at('2026-12-23T00:00Z'), at('2027-01-05T00:00Z')))).toEqual([
      ['2026-12-23T09:00:00.000Z', '2026-12-23T17:30:00.000Z'],
      ['2027-01-04T09:00:00.000Z', '2027-01-04T17:30:00.000Z'],
    ]);
    expect(nextOpen(s, at('2026-12-23T18:00Z'))?.toISOString()).toBe('2027-01-04T09:00:00.000Z');
  });

  it('leave an overnight range begun the evening before the first date running', () => {
    const s = parseSchedule({
      timeZone: 'UTC',
      start: '22:00',
      end: '02:00',
      closures: [{ from: '2026-12-24', to: '2026-12-25' }],
    });
    expect(iso(openIntervals(s, at('2026-12-23T12:00Z'), at('2026-12-27T12:00Z')))).toEqual([
      ['2026-12-23T22:00:00.000Z', '2026-12-24T02:00:00.000Z'],
      ['2026-12-26T22:00:00.000Z', '2026-12-27T02:00:00.000Z'],
    ]);
  });

  it('are local dates of the schedule: Christmas in Auckland starts at 11:00 UTC on the 24th', () => {
    const s = parseSchedule({
      timeZone: 'Pacific/Auckland',
      start: '09:00',
      end: '17:00',
      closures: [{ from: '2026-12-25', name: 'Christmas Day' }],
    });
    expect(isOpen(s, at('2026-12-23T20:30:00Z'))).toBe(true); // Thu 24 Dec 09:30 NZDT
    expect(isOpen(s, at('2026-12-24T20:30:00Z'))).toBe(false); // Fri 25 Dec 09:30 NZDT
    expect(isOpen(s, at('2026-12-25T20:30:00Z'))).toBe(true); // Sat 26 Dec 09:30 NZDT
  });

  it('may overlap each other and plain dates', () => {
    const s = parseSchedule({
      timeZone: 'UTC',
      start: '09:00',
      end: '17:00',
      closures: [
        '2026-12-26',
        { from: '2026-12-24', to: '2026-12-26' },
        { from: '2026-12-26', to: '2026-12-28' },
      ],
    });
    expect(nextOpen(s, at('2026-12-23T18:00Z'))?.toISOString()).toBe('2026-12-29T09:00:00.000Z');
  });
});
