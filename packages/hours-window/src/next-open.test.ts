import { describe, expect, it } from 'vitest';
import { nextOpen } from './next-open.ts';
import { parseSchedule } from './parse-schedule.ts';
import { at } from './testing/helpers.ts';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
// UK bank holiday: Monday 31 August 2026
const business = parseSchedule({
  timeZone: 'Europe/London',
  start: '09:00',
  end: '17:00',
  days: weekdays,
  closures: ['2026-08-31', '2026-12-25'],
});

describe('nextOpen', () => {
  it('is the instant itself, to the millisecond, when every schedule is open then', () => {
    expect(nextOpen(business, at('2026-12-07T10:15:30.123Z'))?.toISOString()).toBe(
      '2026-12-07T10:15:30.123Z',
    );
    expect(nextOpen(business, at('2026-12-07T09:00:00Z'))?.toISOString()).toBe(
      '2026-12-07T09:00:00.000Z',
    );
  });

  it('is later the same day before the opening', () => {
    expect(nextOpen(business, at('2026-12-07T08:59:59.999Z'))?.toISOString()).toBe(
      '2026-12-07T09:00:00.000Z',
    );
  });

  it('is the next working day from Friday 17:01, Saturday and Sunday', () => {
    expect(nextOpen(business, at('2026-12-04T17:01:00Z'))?.toISOString()).toBe(
      '2026-12-07T09:00:00.000Z',
    );
    expect(nextOpen(business, at('2026-12-04T17:00:00Z'))?.toISOString()).toBe(
      '2026-12-07T09:00:00.000Z',
    );
    expect(nextOpen(business, at('2026-12-05T12:00:00Z'))?.toISOString()).toBe(
      '2026-12-07T09:00:00.000Z',
    );
    expect(nextOpen(business, at('2026-12-06T23:59:00Z'))?.toISOString()).toBe(
      '2026-12-07T09:00:00.000Z',
    );
  });

  it('skips a Monday holiday: Friday 17:01 before it → Tuesday 09:00 (BST)', () => {
    expect(nextOpen(business, at('2026-08-28T16:01:00Z'))?.toISOString()).toBe(
      '2026-09-01T08:00:00.000Z',
    );
    expect(nextOpen(business, at('2026-12-24T17:30:00Z'))?.toISOString()).toBe(
      '2026-12-28T09:00:00.000Z',
    );
  });

  it("reads days in each schedule's own zone: a Tokyo business and a Los Angeles customer on their Sunday evening", () => {
    const tokyo = parseSchedule({
      timeZone: 'Asia/Tokyo',
      start: '09:00',
      end: '18:00',
      days: weekdays,
    });
    const customer = parseSchedule({
      timeZone: 'America/Los_Angeles',
      start: '08:00',
      end: '22:00',
    });
    // Sunday 15:00 in Los Angeles = Monday 08:00 in Tokyo → Monday 09:00 Tokyo = Sunday 16:00 LA
    expect(nextOpen([tokyo, customer], at('2026-12-06T23:00:00Z'))?.toISOString()).toBe(
      '2026-12-07T00:00:00.000Z',
    );
    // Sunday 23:00 in Los Angeles (Monday 16:00 Tokyo): the customer sleeps until Monday 08:00 LA,
    // which is Tuesday 01:00 in Tokyo, before the business opens at 09:00 → Tuesday 00:00Z
    expect(nextOpen([tokyo, customer], at('2026-12-07T07:00:00Z'))?.toISOString()).toBe(
      '2026-12-08T00:00:00.000Z',
    );
  });

  it('never returns an opening time a spring-forward gap skipped: the first instant after the gap', () => {
    const s = parseSchedule({
      timeZone: 'America/New_York',
      start: '02:30',
      end: '05:00',
      days: ['sun'],
    });
    expect(nextOpen(s, at('2026-03-08T00:00:00Z'))?.toISOString()).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
  });

  it('is null for an empty intersection within the horizon (London 09–17 vs Tokyo 09–17 only touch)', () => {
    const tokyo = parseSchedule({
      timeZone: 'Asia/Tokyo',
      start: '09:00',
      end: '17:00',
      days: weekdays,
    });
    expect(nextOpen([business, tokyo], at('2026-06-01T00:00:00Z'))).toBeNull();
    expect(nextOpen([business, tokyo], at('2026-06-01T00:00:00Z'), { horizonDays: 28 })).toBeNull();
  });

  it('honours horizonDays, inclusive of its last instant', () => {
    const mondays = parseSchedule({ timeZone: 'UTC', start: '09:00', end: '10:00', days: ['mon'] });
    const tuesday = at('2026-12-01T09:00:00Z');
    expect(nextOpen(mondays, tuesday, { horizonDays: 5 })).toBeNull();
    expect(nextOpen(mondays, tuesday, { horizonDays: 6 })?.toISOString()).toBe(
      '2026-12-07T09:00:00.000Z',
    );
    expect(nextOpen(mondays, at('2026-12-07T09:30:00Z'), { horizonDays: 0 })?.toISOString()).toBe(
      '2026-12-07T09:30:00.000Z',
    );
    expect(() => nextOpen(mondays, tuesday, { horizonDays: -1 })).toThrow(RangeError);
    expect(() => nextOpen(mondays, tuesday, { horizonDays: Number.NaN })).toThrow(RangeError);
  });

  it('finds an opening months away (a schedule open only on one date a year)', () => {
    const closures: string[] = [];
    for (
      let d = new Date('2026-01-01T00:00Z');
      d.getUTCFullYear() < 2028;
      d = new Date(d.getTime() + 86_400_000)
    ) {
      const text = d.toISOString().slice(0, 10);
      if (text !== '2027-02-16') closures.push(text);
    }
    const once = parseSchedule({
      timeZone: 'Pacific/Auckland',
      start: '10:00',
      end: '11:00',
      closures,
    });
    // Tuesday 16 February 2027, 10:00 NZDT (+13)
    expect(nextOpen(once, at('2026-03-01T00:00:00Z'))?.toISOString()).toBe(
      '2027-02-15T21:00:00.000Z',
    );
  });

  it('is null at once for a schedule with no hours at all, however long the horizon', () => {
    const never = parseSchedule({ timeZone: 'UTC', weekly: {} });
    expect(
      nextOpen([business, never], at('2026-12-07T10:00:00Z'), { horizonDays: 3_000_000 }),
    ).toBeNull();
  });

  it('refuses an empty list of schedules', () => {
    expect(() => nextOpen([], at('2026-12-07T00:00:00Z'))).toThrow(RangeError);
  });
});
