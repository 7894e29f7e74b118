import { type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { describe, expect, expectTypeOf, it } from 'vitest';
import Holidays from 'date-holidays';
import {
  HOLIDAY_COUNTRY_PATTERN,
  HOLIDAY_REGION_PATTERN,
  ScheduleInputSchema,
  ScheduleSchema,
  TIME_ZONE_PATTERN,
  type ScheduleInput,
} from './schemas.ts';
import type { Schedule } from './types.ts';

const nineToSix = { start: '09:00', end: '18:00' };

describe('ScheduleInputSchema', () => {
  const check = Compile(ScheduleInputSchema);

  it('accepts both forms and refuses structural errors as parseSchedule does', () => {
    expect(
      check.Check({
        timeZone: 'Asia/Kolkata',
        weekly: { mon: [nineToSix] },
        closures: ['2026-12-25'],
      }),
    ).toBe(true);
    expect(check.Check({ start: '10:00', end: '24:00', days: ['mon'] })).toBe(true);
    expect(check.Check({ weekly: { monday: [] } })).toBe(false);
    expect(check.Check({ weekly: {}, extra: 1 })).toBe(false);
    expect(check.Check({ weekly: { mon: [{ start: '24:00', end: '01:00' }] } })).toBe(false);
    expect(check.Check({ weekly: { mon: [{ start: '09:00', end: '25:00' }] } })).toBe(false);
    expect(check.Check({ ...nineToSix, days: [] })).toBe(false);
    expect(check.Check({ ...nineToSix, timeZone: '+05:30' })).toBe(false);
    expect(check.Check({ weekly: {}, closures: ['2026-2-3'] })).toBe(false);
  });

  it('accepts closure ranges, overrides and holidays in both forms, and refuses their structural errors', () => {
    const exceptions = {
      closures: [
        '2026-12-25',
        { from: '2026-12-24', to: '2027-01-01', name: 'Winter break' },
        { from: '2026-11-09' },
      ],
      overrides: { '2026-12-23': [nineToSix], '2026-12-31': [] },
      holidays: { country: 'in', region: 'MH' },
    };
    expect(check.Check({ weekly: { mon: [nineToSix] }, ...exceptions })).toBe(true);
    expect(check.Check({ ...nineToSix, ...exceptions })).toBe(true);
    expect(check.Check({ ...nineToSix, closures: [{ to: '2026-12-24' }] })).toBe(false);
    expect(check.Check({ ...nineToSix, closures: [{ from: '2026-12-24', name: '' }] })).toBe(false);
    expect(check.Check({ ...nineToSix, closures: [{ from: '2026-12-24', note: 'x' }] })).toBe(
      false,
    );
    expect(check.Check({ ...nineToSix, overrides: { '24-12-2026': [] } })).toBe(false);
    expect(check.Check({ ...nineToSix, overrides: { '2026-12-24': [{ start: '09:00' }] } })).toBe(
      false,
    );
    expect(check.Check({ ...nineToSix, overrides: { '2026-12-24': {} } })).toBe(false);
    expect(check.Check({ ...nineToSix, holidays: { region: 'MH' } })).toBe(false);
    expect(check.Check({ ...nineToSix, holidays: { country: 'IND' } })).toBe(false);
    expect(check.Check({ ...nineToSix, holidays: { country: 'IN', state: 'MH' } })).toBe(false);
  });

  it('its holiday codes admit every country and region date-holidays knows', () => {
    const country = new RegExp(HOLIDAY_COUNTRY_PATTERN);
    const region = new RegExp(HOLIDAY_REGION_PATTERN);
    const holidays = new Holidays();
    const codes = Object.keys(holidays.getCountries());
    expect(codes.length).toBeGreaterThan(100);
    expect(codes.filter((code) => !country.test(code))).toEqual([]);
    const regions = codes.flatMap((code) => Object.keys(holidays.getStates(code) ?? {}));
    expect(regions.length).toBeGreaterThan(100);
    expect(regions.filter((code) => !region.test(code))).toEqual([]);
  });

  it('its zone pattern admits every zone Intl lists', () => {
    const pattern = new RegExp(TIME_ZONE_PATTERN);
    expect(Intl.supportedValuesOf('timeZone').filter((zone) => !pattern.test(zone))).toEqual([]);
  });

  it('gives static types that agree with the vocabulary in types.ts', () => {
    expectTypeOf<Static<typeof ScheduleSchema>>().toExtend<Schedule>();
    expectTypeOf<Static<typeof ScheduleSchema>>().toExtend<ScheduleInput>();
  });

  it('ScheduleSchema describes the normalized form only: all seven days and a zone required', () => {
    const check = Compile(ScheduleSchema);
    const week = { mon: [nineToSix], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    expect(check.Check({ timeZone: 'UTC', weekly: week, closures: [], overrides: {} })).toBe(true);
    expect(
      check.Check({ timeZone: 'UTC', weekly: { mon: [nineToSix] }, closures: [], overrides: {} }),
    ).toBe(false);
    expect(check.Check({ weekly: week, closures: [], overrides: {} })).toBe(false);
    expect(check.Check({ timeZone: 'UTC', weekly: week, closures: [] })).toBe(false);
    expect(
      check.Check({
        timeZone: 'UTC',
        weekly: week,
        closures: ['2026-12-25', { from: '2026-12-24', to: '2027-01-01', name: 'Winter break' }],
        overrides: { '2026-12-23': [nineToSix], '2026-12-31': [] },
        holidays: { country: 'GB', region: 'SCT' },
      }),
    ).toBe(true);
    // Normalized ranges always carry `to`.
    expect(
      check.Check({
        timeZone: 'UTC',
        weekly: week,
        closures: [{ from: '2026-12-24' }],
        overrides: {},
      }),
    ).toBe(false);
    expect(check.Check({ ...nineToSix, timeZone: 'UTC' })).toBe(false);
  });
});
