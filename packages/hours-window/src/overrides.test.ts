/** Date overrides (special hours) as isOpen, openIntervals, nextOpen and isClosedOn read them. */
import { describe, expect, it } from 'vitest';
import { isClosedOn } from './closed-day.ts';
import { isOpen } from './is-open.ts';
import { nextOpen } from './next-open.ts';
import { openIntervals } from './open-intervals.ts';
import { parseSchedule } from './parse-schedule.ts';
import { at, iso } from './testing/helpers.ts';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
const london = (extra: object) =>
  parseSchedule({
    timeZone: 'Europe/London',
    start: '09:00',
    end: '17:30',
    days: weekdays,
    ...extra,
  });

describe('date overrides', () => {
  it('replace the weekly ranges that start on their date: Christmas Eve 09:00–13:00', () => {
    const s = london({ overrides: { '2026-12-24': [{ start: '09:00', end: '13:00' }] } });
    expect(iso(openIntervals(s, at('2026-12-24T00:00Z'), at('2026-12-26T00:00Z')))).toEqual([
      ['2026-12-24T09:00:00.000Z', '2026-12-24T13:00:00.000Z'],
      ['2026-12-25T09:00:00.000Z', '2026-12-25T17:30:00.000Z'],
    ]);
    expect(isOpen(s, at('2026-12-24T12:59:59.999Z'))).toBe(true);
    expect(isOpen(s, at('2026-12-24T13:00:00Z'))).toBe(false);
    expect(nextOpen(s, at('2026-12-24T13:00:00Z'))?.toISOString()).toBe('2026-12-25T09:00:00.000Z');
  });

  it('[] closes the date; a list opens a weekend date', () => {
    const s = london({
      overrides: { '2026-12-23': [], '2026-12-19': [{ start: '10:00', end: '12:00' }] },
    });
    expect(isClosedOn(s, '2026-12-23')).toBe(true);
    expect(isClosedOn(s, '2026-12-19')).toBe(false);
    expect(iso(openIntervals(s, at('2026-12-19T00:00Z'), at('2026-12-20T00:00Z')))).toEqual([
      ['2026-12-19T10:00:00.000Z', '2026-12-19T12:00:00.000Z'],
    ]);
    expect(openIntervals(s, at('2026-12-23T00:00Z'), at('2026-12-24T00:00Z'))).toEqual([]);
    expect(nextOpen(s, at('2026-12-22T18:00Z'))?.toISOString()).toBe('2026-12-24T09:00:00.000Z');
  });

  it('an overnight override runs into the next local date, whose own ranges still apply', () => {
    const s = parseSchedule({
      timeZone: 'UTC',
      start: '09:00',
      end: '17:00',
      days: weekdays,
      overrides: { '2026-12-31': [{ start: '22:00', end: '02:00' }] },
    });
    expect(iso(openIntervals(s, at('2026-12-31T00:00Z'), at('2027-01-02T00:00Z')))).toEqual([
      ['2026-12-31T22:00:00.000Z', '2027-01-01T02:00:00.000Z'],
      ['2027-01-01T09:00:00.000Z', '2027-01-01T17:00:00.000Z'],
    ]);
  });

  it('an overnight weekly range begun the evening before is unaffected by an override on the next date', () => {
    const s = parseSchedule({
      timeZone: 'UTC',
      start: '22:00',
      end: '02:00',
      overrides: { '2026-12-25': [] },
    });
    expect(iso(openIntervals(s, at('2026-12-24T12:00Z'), at('2026-12-26T23:00Z')))).toEqual([
      ['2026-12-24T22:00:00.000Z', '2026-12-25T02:00:00.000Z'],
      ['2026-12-26T22:00:00.000Z', '2026-12-26T23:00:00.000Z'],
    ]);
  });

  it('open a public holiday with their hours (holidays apply first)', () => {
    const s = london({
      holidays: { country: 'GB' },
      overrides: { '2026-12-28': [{ start: '10:00', end: '14:00' }] },
    });
    expect(isClosedOn(s, '2026-12-25')).toBe(true);
    expect(isClosedOn(s, '2026-12-28')).toBe(false);
    expect(nextOpen(s, at('2026-12-24T18:00Z'))?.toISOString()).toBe('2026-12-28T10:00:00.000Z');
    expect(isOpen(s, at('2026-12-28T14:00Z'))).toBe(false);
  });

  it('spring forward in America/New_York: an override 01:00–04:00 on 8 March 2026 covers two real hours', () => {
    const s = parseSchedule({
      timeZone: 'America/New_York',
      start: '09:00',
      end: '10:00',
      days: ['sun'],
      overrides: { '2026-03-08': [{ start: '01:00', end: '04:00' }] },
    });
    // 01:00 EST = 06:00Z; 02:00 EST jumps to 03:00 EDT = 07:00Z; 04:00 EDT = 08:00Z.
    expect(iso(openIntervals(s, at('2026-03-08T00:00Z'), at('2026-03-09T00:00Z')))).toEqual([
      ['2026-03-08T06:00:00.000Z', '2026-03-08T08:00:00.000Z'],
    ]);
    expect(isOpen(s, at('2026-03-08T07:00:00Z'))).toBe(true);
  });

  it('spring forward in America/New_York: an override 02:15–02:45 on 8 March 2026 never happens', () => {
    const s = parseSchedule({
      timeZone: 'America/New_York',
      start: '09:00',
      end: '10:00',
      days: ['sun'],
      overrides: { '2026-03-08': [{ start: '02:15', end: '02:45' }] },
    });
    expect(openIntervals(s, at('2026-03-08T00:00Z'), at('2026-03-09T00:00Z'))).toEqual([]);
    expect(nextOpen(s, at('2026-03-08T05:00Z'))?.toISOString()).toBe('2026-03-15T13:00:00.000Z');
  });

  it('fall back in America/New_York: an override 00:30–02:00 on 1 November 2026 covers 01:xx twice', () => {
    const s = parseSchedule({
      timeZone: 'America/New_York',
      start: '09:00',
      end: '10:00',
      days: ['sun'],
      overrides: { '2026-11-01': [{ start: '00:30', end: '02:00' }] },
    });
    // 00:30 EDT = 04:30Z; 01:00–02:00 happens as EDT (05:00Z) and again as EST (06:00Z).
    expect(iso(openIntervals(s, at('2026-11-01T00:00Z'), at('2026-11-02T00:00Z')))).toEqual([
      ['2026-11-01T04:30:00.000Z', '2026-11-01T07:00:00.000Z'],
    ]);
  });

  it('fall back in Europe/London: an override 01:00–01:30 on 25 October 2026 opens twice', () => {
    const s = london({ overrides: { '2026-10-25': [{ start: '01:00', end: '01:30' }] } });
    expect(iso(openIntervals(s, at('2026-10-24T22:00Z'), at('2026-10-25T12:00Z')))).toEqual([
      ['2026-10-25T00:00:00.000Z', '2026-10-25T00:30:00.000Z'],
      ['2026-10-25T01:00:00.000Z', '2026-10-25T01:30:00.000Z'],
    ]);
  });
});
