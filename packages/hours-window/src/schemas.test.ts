import { type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
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
    expect(check.Check({ timeZone: 'UTC', weekly: week, closures: [] })).toBe(true);
    expect(check.Check({ timeZone: 'UTC', weekly: { mon: [nineToSix] }, closures: [] })).toBe(
      false,
    );
    expect(check.Check({ weekly: week, closures: [] })).toBe(false);
    expect(check.Check({ ...nineToSix, timeZone: 'UTC' })).toBe(false);
  });
});
