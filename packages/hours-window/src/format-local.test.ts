import { describe, expect, it } from 'vitest';
import { describeLocal, formatLocal } from './format-local.ts';
import { at } from './testing/helpers.ts';

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
