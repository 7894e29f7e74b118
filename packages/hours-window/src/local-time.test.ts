import { describe, expect, it } from 'vitest';
import { describeLocal, formatLocal } from './format-local.ts';
import { localDateOf, weekdayOf } from './local-date.ts';
import { isValidTimeZone } from './time-zone.ts';
import { at } from './testing/helpers.ts';

describe('localDateOf and weekdayOf', () => {
  it('gives the date a wall calendar shows in the zone', () => {
    expect(localDateOf(at('2026-12-24T11:30:00Z'), 'Pacific/Auckland')).toBe('2026-12-25');
    expect(localDateOf(at('2026-12-24T11:30:00Z'), 'America/New_York')).toBe('2026-12-24');
    expect(localDateOf(at('2026-12-24T23:59:59.999Z'), 'UTC')).toBe('2026-12-24');
    expect(localDateOf(at('2026-12-25T00:00:00Z'), 'UTC')).toBe('2026-12-25');
  });

  it('names weekdays as schedules do', () => {
    expect(weekdayOf('2026-12-07')).toBe('mon');
    expect(weekdayOf('2026-12-13')).toBe('sun');
    expect(weekdayOf('2000-02-29')).toBe('tue');
    expect(() => weekdayOf('2026-02-29')).toThrow(RangeError);
  });

  it('refuses an unknown zone instead of falling back to UTC', () => {
    expect(() => localDateOf(at('2026-12-24T11:30:00Z'), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => localDateOf(at('2026-12-24T11:30:00Z'), '+05:30')).toThrow(RangeError);
  });
});

describe('formatLocal', () => {
  it('prints the local time with the offset in force at that instant, seconds always, no millis', () => {
    expect(formatLocal(at('2026-11-30T03:30:00.999Z'), 'Asia/Kolkata')).toBe(
      '2026-11-30T09:00:00+05:30',
    );
    expect(formatLocal(at('2026-11-30T03:30:00Z'), 'UTC')).toBe('2026-11-30T03:30:00+00:00');
    expect(formatLocal(at('2026-12-07T03:15:00Z'), 'Asia/Kathmandu')).toBe(
      '2026-12-07T09:00:00+05:45',
    );
    expect(formatLocal(at('2026-12-07T12:00:00Z'), 'Pacific/Chatham')).toBe(
      '2026-12-08T01:45:00+13:45',
    );
    expect(formatLocal(at('2026-12-07T12:00:00Z'), 'America/St_Johns')).toBe(
      '2026-12-07T08:30:00-03:30',
    );
    expect(formatLocal(at('2026-12-07T12:00:00Z'), 'Etc/GMT+5')).toBe('2026-12-07T07:00:00-05:00');
  });

  it('fall back: the two 01:30s differ by their offsets', () => {
    expect(formatLocal(at('2026-11-01T05:30:00Z'), 'America/New_York')).toBe(
      '2026-11-01T01:30:00-04:00',
    );
    expect(formatLocal(at('2026-11-01T06:30:00Z'), 'America/New_York')).toBe(
      '2026-11-01T01:30:00-05:00',
    );
  });

  it('prints a historic local mean time offset with its seconds', () => {
    expect(formatLocal(at('1800-01-01T00:00:00Z'), 'America/New_York')).toBe(
      '1799-12-31T19:03:58-04:56:02',
    );
  });
});

describe('describeLocal', () => {
  it('names the parts for a reply like "Monday 7 December at 10:30"', () => {
    expect(describeLocal(at('2026-12-07T05:00:00Z'), 'Asia/Kolkata')).toEqual({
      date: '2026-12-07',
      time: '10:30',
      weekday: 'mon',
      weekdayName: 'Monday',
      year: 2026,
      month: 12,
      monthName: 'December',
      day: 7,
      offset: '+05:30',
      iso: '2026-12-07T10:30:00+05:30',
      text: 'Monday 7 December at 10:30',
    });
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['Asia/Kolkata', true],
    ['UTC', true],
    ['Etc/GMT+5', true],
    ['Asia/Calcutta', true],
    ['america/new_york', true],
    ['+05:30', false],
    ['-08:00', false],
    ['+05', false],
    ['', false],
    [' UTC', false],
    ['Mars/Olympus', false],
    ['GMT+5', false],
  ])('%j → %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });
});
