import { describe, expect, it } from 'vitest';
import { isOpen } from './is-open.ts';
import { parseSchedule } from './parse-schedule.ts';
import { ScheduleError } from './schedule-error.ts';
import type { Schedule } from './types.ts';
import { at } from './testing/helpers.ts';

describe('isOpen', () => {
  it('is half-open: open at the start, closed at the end', () => {
    const s = parseSchedule({ timeZone: 'Asia/Kolkata', start: '09:00', end: '18:00' });
    expect(isOpen(s, at('2026-11-30T03:29:59.999Z'))).toBe(false);
    expect(isOpen(s, at('2026-11-30T03:30:00Z'))).toBe(true);
    expect(isOpen(s, at('2026-11-30T12:29:59.999Z'))).toBe(true);
    expect(isOpen(s, at('2026-11-30T12:30:00Z'))).toBe(false);
  });

  it("reads the weekday in the schedule's zone: a Tokyo business vs a Los Angeles customer's Sunday evening", () => {
    // Tokyo Monday 07:00–10:00 is Sunday 22:00Z – Monday 01:00Z, Sunday afternoon in Los Angeles
    const tokyo = parseSchedule({
      timeZone: 'Asia/Tokyo',
      start: '07:00',
      end: '10:00',
      days: ['mon'],
    });
    expect(isOpen(tokyo, at('2026-12-06T22:30:00Z'))).toBe(true); // Sun 14:30 in LA, Sun in UTC
    expect(isOpen(tokyo, at('2026-12-07T22:30:00Z'))).toBe(false); // Tokyo Tuesday 07:30
    expect(isOpen(tokyo, at('2026-12-05T22:30:00Z'))).toBe(false); // Tokyo Sunday 07:30
  });

  it('covers an instant in a repeated hour both times and a skipped one never', () => {
    const s = parseSchedule({
      timeZone: 'Europe/London',
      start: '01:00',
      end: '02:00',
      days: ['sun'],
    });
    expect(isOpen(s, at('2026-10-25T00:30:00Z'))).toBe(true); // 01:30 BST
    expect(isOpen(s, at('2026-10-25T01:30:00Z'))).toBe(true); // 01:30 GMT
    expect(isOpen(s, at('2026-03-29T00:59:59Z'))).toBe(false); // 00:59:59 GMT
    expect(isOpen(s, at('2026-03-29T01:00:00Z'))).toBe(false); // 02:00 BST: 01:xx never happened
  });

  it('validates a schedule that did not come from parseSchedule, loudly', () => {
    const fromDatabase = {
      timeZone: 'Mars/Olympus',
      weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      closures: [],
      overrides: {},
    } as Schedule;
    expect(() => isOpen(fromDatabase, at('2026-12-07T00:00Z'))).toThrow(ScheduleError);
    const ok = JSON.parse(
      JSON.stringify(parseSchedule({ timeZone: 'UTC', start: '09:00', end: '10:00' })),
    ) as Schedule;
    expect(isOpen(ok, at('2026-12-07T09:00Z'))).toBe(true);
  });

  it('refuses an invalid Date rather than answering for it', () => {
    const s = parseSchedule({ timeZone: 'UTC', start: '09:00', end: '10:00' });
    expect(() => isOpen(s, new Date('nope'))).toThrow(RangeError);
  });
});
