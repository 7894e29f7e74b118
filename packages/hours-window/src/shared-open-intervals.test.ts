import { describe, expect, it } from 'vitest';
import { parseSchedule } from './parse-schedule.ts';
import { sharedOpenIntervals } from './shared-open-intervals.ts';
import { at, iso } from './testing/helpers.ts';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
const london = parseSchedule({
  timeZone: 'Europe/London',
  start: '09:00',
  end: '17:00',
  days: weekdays,
});
const newYork = parseSchedule({
  timeZone: 'America/New_York',
  start: '09:00',
  end: '17:00',
  days: weekdays,
});

function overlapOnWednesday(date: string): [string, string][] {
  return iso(
    sharedOpenIntervals([london, newYork], at(`${date}T00:00:00Z`), at(`${date}T23:59:59Z`)),
  );
}

describe('sharedOpenIntervals', () => {
  it('US/EU DST-mismatch weeks (2nd to last Sunday of March) change the overlap only in those weeks', () => {
    expect(overlapOnWednesday('2026-03-04')).toEqual([
      ['2026-03-04T14:00:00.000Z', '2026-03-04T17:00:00.000Z'],
    ]);
    expect(overlapOnWednesday('2026-03-11')).toEqual([
      ['2026-03-11T13:00:00.000Z', '2026-03-11T17:00:00.000Z'],
    ]);
    expect(overlapOnWednesday('2026-03-25')).toEqual([
      ['2026-03-25T13:00:00.000Z', '2026-03-25T17:00:00.000Z'],
    ]);
    expect(overlapOnWednesday('2026-04-01')).toEqual([
      ['2026-04-01T13:00:00.000Z', '2026-04-01T16:00:00.000Z'],
    ]);
  });

  it('US/EU DST-mismatch week (last Sunday of October to 1st Sunday of November) changes the overlap only then', () => {
    expect(overlapOnWednesday('2026-10-21')).toEqual([
      ['2026-10-21T13:00:00.000Z', '2026-10-21T16:00:00.000Z'],
    ]);
    expect(overlapOnWednesday('2026-10-28')).toEqual([
      ['2026-10-28T13:00:00.000Z', '2026-10-28T17:00:00.000Z'],
    ]);
    expect(overlapOnWednesday('2026-11-04')).toEqual([
      ['2026-11-04T14:00:00.000Z', '2026-11-04T17:00:00.000Z'],
    ]);
  });

  it("is the single schedule's open set for one schedule, and refuses none", () => {
    expect(
      iso(sharedOpenIntervals([london], at('2026-12-07T00:00Z'), at('2026-12-08T00:00Z'))),
    ).toEqual([['2026-12-07T09:00:00.000Z', '2026-12-07T17:00:00.000Z']]);
    expect(() => sharedOpenIntervals([], at('2026-12-07T00:00Z'), at('2026-12-08T00:00Z'))).toThrow(
      RangeError,
    );
  });

  it('intersects three schedules (business, customer and a lunch break elsewhere)', () => {
    const kolkata = parseSchedule({
      timeZone: 'Asia/Kolkata',
      weekly: {
        mon: [
          { start: '09:00', end: '13:00' },
          { start: '14:00', end: '20:00' },
        ],
      },
    });
    const wide = parseSchedule({ timeZone: 'UTC', start: '00:00', end: '24:00' });
    // London 09:00–17:00 GMT ∩ Kolkata 03:30–07:30Z, 08:30–14:30Z
    expect(
      iso(
        sharedOpenIntervals(
          [london, kolkata, wide],
          at('2026-12-07T00:00Z'),
          at('2026-12-08T00:00Z'),
        ),
      ),
    ).toEqual([['2026-12-07T09:00:00.000Z', '2026-12-07T14:30:00.000Z']]);
  });
});
