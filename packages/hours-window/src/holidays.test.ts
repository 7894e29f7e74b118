/** Public holidays from date-holidays, as local dates of the schedule's own zone. */
import { describe, expect, it } from 'vitest';
import { isClosedOn } from './closed-day.ts';
import { isOpen } from './is-open.ts';
import { nextOpen } from './next-open.ts';
import { parseSchedule } from './parse-schedule.ts';
import { at } from './testing/helpers.ts';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];

describe('public holidays', () => {
  it('GB: Christmas Day, Boxing Day and its substitute Monday are closed; the business reopens on Tuesday', () => {
    const s = parseSchedule({
      timeZone: 'Europe/London',
      start: '09:00',
      end: '17:30',
      days: weekdays,
      holidays: { country: 'GB' },
    });
    expect(['2026-12-25', '2026-12-26', '2026-12-28'].map((d) => isClosedOn(s, d))).toEqual([
      true,
      true,
      true,
    ]);
    expect(isClosedOn(s, '2026-12-29')).toBe(false);
    expect(nextOpen(s, at('2026-12-24T18:00Z'))?.toISOString()).toBe('2026-12-29T09:00:00.000Z');
  });

  it('for any year: Christmas 2031 and Good Friday 2040 (GB)', () => {
    const s = parseSchedule({
      timeZone: 'Europe/London',
      start: '09:00',
      end: '17:30',
      holidays: { country: 'GB' },
    });
    expect(isClosedOn(s, '2031-12-25')).toBe(true);
    expect(isClosedOn(s, '2040-03-30')).toBe(true);
    expect(isClosedOn(s, '2040-03-29')).toBe(false);
  });

  it('a region adds its own: Maharashtra Day closes IN-MH, not IN', () => {
    const kolkata = { timeZone: 'Asia/Kolkata', start: '09:00', end: '18:00' };
    const mh = parseSchedule({ ...kolkata, holidays: { country: 'IN', region: 'MH' } });
    const india = parseSchedule({ ...kolkata, holidays: { country: 'IN' } });
    expect(isOpen(mh, at('2026-05-01T05:00:00Z'))).toBe(false);
    expect(isOpen(india, at('2026-05-01T05:00:00Z'))).toBe(true);
    expect(isOpen(india, at('2026-01-26T05:00:00Z'))).toBe(false); // Republic Day
  });

  it("close the schedule's own local dates: GB's Christmas in Los Angeles is 25 December Pacific time", () => {
    const s = parseSchedule({
      timeZone: 'America/Los_Angeles',
      start: '09:00',
      end: '17:00',
      holidays: { country: 'GB' },
    });
    expect(isOpen(s, at('2026-12-24T17:30:00Z'))).toBe(true); // Thu 24 Dec 09:30 PST
    expect(isOpen(s, at('2026-12-25T17:30:00Z'))).toBe(false); // Christmas Day
    expect(isOpen(s, at('2026-12-26T17:30:00Z'))).toBe(false); // Boxing Day
    expect(isOpen(s, at('2026-12-27T17:30:00Z'))).toBe(true); // Sunday: the schedule's own day
    expect(isOpen(s, at('2026-12-28T17:30:00Z'))).toBe(false); // substitute day
  });

  it('a holiday lasting three days closes each of them: Eid al-Fitr 2026 in the UAE', () => {
    const s = parseSchedule({
      timeZone: 'Asia/Dubai',
      start: '09:00',
      end: '17:00',
      holidays: { country: 'AE' },
    });
    expect(
      ['2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23'].map((d) =>
        isClosedOn(s, d),
      ),
    ).toEqual([false, true, true, true, false]);
  });
});
