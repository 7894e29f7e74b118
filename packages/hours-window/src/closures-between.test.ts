import { describe, expect, it } from 'vitest';
import { closuresBetween } from './closures-between.ts';
import { parseSchedule } from './parse-schedule.ts';

describe('closuresBetween', () => {
  it('lists holidays, closure ranges (whole) and closed overrides in date order', () => {
    const s = parseSchedule({
      timeZone: 'Europe/London',
      start: '09:00',
      end: '17:30',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      holidays: { country: 'GB' },
      closures: [{ from: '2026-12-29', to: '2027-01-05', name: 'Winter break' }, '2027-01-08'],
      overrides: { '2026-12-24': [{ start: '09:00', end: '13:00' }], '2026-12-23': [] },
    });
    expect(closuresBetween(s, '2026-12-20', '2027-01-10')).toEqual([
      { from: '2026-12-23', to: '2026-12-23', name: null, kind: 'override' },
      { from: '2026-12-25', to: '2026-12-25', name: 'Christmas Day', kind: 'holiday' },
      { from: '2026-12-26', to: '2026-12-26', name: 'Boxing Day', kind: 'holiday' },
      {
        from: '2026-12-28',
        to: '2026-12-28',
        name: 'Boxing Day (substitute day)',
        kind: 'holiday',
      },
      // New Year's Day falls inside the break: the closure is named first.
      { from: '2026-12-29', to: '2027-01-05', name: 'Winter break', kind: 'closure' },
      { from: '2027-01-08', to: '2027-01-08', name: null, kind: 'closure' },
    ]);
    expect(closuresBetween(s, '2027-01-02', '2027-01-02')).toEqual([
      { from: '2026-12-29', to: '2027-01-05', name: 'Winter break', kind: 'closure' },
    ]);
  });

  it('merges the days of one holiday and leaves out a holiday an override opens', () => {
    const s = parseSchedule({
      timeZone: 'Asia/Dubai',
      start: '09:00',
      end: '17:00',
      holidays: { country: 'AE' },
      overrides: { '2026-12-02': [{ start: '10:00', end: '12:00' }] },
    });
    expect(closuresBetween(s, '2026-03-01', '2026-03-31')).toEqual([
      {
        from: '2026-03-20',
        to: '2026-03-22',
        name: 'End of Ramadan (Eid al-Fitr)',
        kind: 'holiday',
      },
    ]);
    expect(closuresBetween(s, '2026-12-01', '2026-12-03')).toEqual([]);
  });

  it('refuses a reversed or runaway range of dates', () => {
    const s = parseSchedule({ timeZone: 'UTC', start: '09:00', end: '17:00' });
    expect(() => closuresBetween(s, '2026-12-02', '2026-12-01')).toThrow(RangeError);
    expect(() => closuresBetween(s, '2026-01-01', '2046-01-01')).toThrow(RangeError);
    expect(() => closuresBetween(s, '2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});
