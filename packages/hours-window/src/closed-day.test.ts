import { describe, expect, it } from 'vitest';
import { isClosedDay, isClosedOn } from './closed-day.ts';
import { isOpen } from './is-open.ts';
import { parseSchedule } from './parse-schedule.ts';
import { at } from './testing/helpers.ts';

describe('isClosedOn and isClosedDay', () => {
  const business = parseSchedule({
    timeZone: 'Europe/London',
    start: '09:00',
    end: '17:00',
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    closures: ['2026-12-25'],
  });

  it('a weekday with ranges is open, a weekend day or a closure is closed', () => {
    expect(isClosedOn(business, '2026-12-24')).toBe(false);
    expect(isClosedOn(business, '2026-12-25')).toBe(true);
    expect(isClosedOn(business, '2026-12-26')).toBe(true);
    expect(isClosedOn(business, '2026-12-28')).toBe(false);
  });

  it('a holiday is a local date in a zone far from UTC (Pacific/Auckland, +13)', () => {
    const auckland = parseSchedule({
      timeZone: 'Pacific/Auckland',
      start: '09:00',
      end: '17:00',
      closures: ['2026-12-25'],
    });
    expect(isClosedDay(auckland, at('2026-12-24T10:59:59.999Z'))).toBe(false); // 24th 23:59:59.999
    expect(isClosedDay(auckland, at('2026-12-24T11:00:00Z'))).toBe(true); // 25th 00:00
    expect(isClosedDay(auckland, at('2026-12-25T12:00:00Z'))).toBe(false); // the 25th in UTC, the 26th there
    expect(isOpen(auckland, at('2026-12-24T20:00:00Z'))).toBe(false); // 25th 09:00
    expect(isOpen(auckland, at('2026-12-23T20:00:00Z'))).toBe(true); // 24th 09:00
    expect(isOpen(auckland, at('2026-12-25T20:00:00Z'))).toBe(true); // 26th 09:00
  });

  it('a closure date is closed even when an overnight range begun the evening before still covers its early hours', () => {
    const late = parseSchedule({
      timeZone: 'UTC',
      start: '21:00',
      end: '03:00',
      closures: ['2026-12-25'],
    });
    expect(isClosedOn(late, '2026-12-25')).toBe(true);
    expect(isOpen(late, at('2026-12-25T01:00:00Z'))).toBe(true);
    expect(isOpen(late, at('2026-12-25T22:00:00Z'))).toBe(false);
  });

  it('refuses a date that does not exist', () => {
    expect(() => isClosedOn(business, '2026-02-30')).toThrow(RangeError);
    expect(() => isClosedOn(business, '2026-2-3')).toThrow(RangeError);
  });
});
