import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { parseSchedule } from './parse-schedule.ts';
import { ScheduleError } from './schedule-error.ts';
import { ScheduleSchema } from './schemas.ts';

const closedWeek = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const nineToSix = { start: '09:00', end: '18:00' };

function errorOf(input: unknown, options?: { defaultTimeZone?: string }): ScheduleError {
  try {
    parseSchedule(input, options);
  } catch (error) {
    if (error instanceof ScheduleError) return error;
    throw error;
  }
  throw new Error(`accepted: ${JSON.stringify(input)}`);
}

describe('parseSchedule normalizes', () => {
  it('the shorthand with days into the full form with all seven weekday keys', () => {
    expect(
      parseSchedule(
        { start: '10:00', end: '19:00', days: ['fri', 'mon'] },
        { defaultTimeZone: 'Asia/Kolkata' },
      ),
    ).toEqual({
      timeZone: 'Asia/Kolkata',
      weekly: {
        ...closedWeek,
        mon: [{ start: '10:00', end: '19:00' }],
        fri: [{ start: '10:00', end: '19:00' }],
      },
      closures: [],
      overrides: {},
    });
  });

  it('the shorthand without days into every day, keeping its zone and closures', () => {
    const range = { start: '22:00', end: '02:00' };
    expect(
      parseSchedule({ start: '22:00', end: '02:00', timeZone: 'UTC', closures: ['2026-12-25'] }),
    ).toEqual({
      timeZone: 'UTC',
      weekly: {
        mon: [range],
        tue: [range],
        wed: [range],
        thu: [range],
        fri: [range],
        sat: [range],
        sun: [range],
      },
      closures: ['2026-12-25'],
      overrides: {},
    });
  });

  it('the full form: missing weekdays mean no hours, ranges sorted by start then end, closures sorted and unique', () => {
    const parsed = parseSchedule({
      timeZone: 'Europe/London',
      weekly: {
        tue: [
          { start: '14:00', end: '18:00' },
          { start: '09:00', end: '24:00' },
          { start: '09:00', end: '13:00' },
        ],
      },
      closures: ['2027-01-01', '2026-12-25', '2027-01-01'],
    });
    expect(parsed).toEqual({
      timeZone: 'Europe/London',
      weekly: {
        ...closedWeek,
        tue: [
          { start: '09:00', end: '13:00' },
          { start: '09:00', end: '24:00' },
          { start: '14:00', end: '18:00' },
        ],
      },
      closures: ['2026-12-25', '2027-01-01'],
      overrides: {},
    });
    expect(Object.keys(parsed.weekly)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
  });

  it('uses the default zone only when the schedule names none', () => {
    expect(parseSchedule({ ...nineToSix }, { defaultTimeZone: 'Asia/Tokyo' }).timeZone).toBe(
      'Asia/Tokyo',
    );
    expect(
      parseSchedule({ ...nineToSix, timeZone: 'UTC' }, { defaultTimeZone: 'Asia/Tokyo' }).timeZone,
    ).toBe('UTC');
  });

  it('spells zone names as Intl lists them, keeping aliases', () => {
    expect(parseSchedule({ ...nineToSix, timeZone: 'america/new_york' }).timeZone).toBe(
      'America/New_York',
    );
    expect(parseSchedule({ ...nineToSix, timeZone: 'utc' }).timeZone).toBe('UTC');
    expect(parseSchedule({ ...nineToSix, timeZone: 'Asia/Calcutta' }).timeZone).toBe(
      'Asia/Calcutta',
    );
    expect(parseSchedule({ ...nineToSix, timeZone: 'Asia/Kolkata' }).timeZone).toBe('Asia/Kolkata');
    expect(parseSchedule({ ...nineToSix, timeZone: 'Etc/GMT+5' }).timeZone).toBe('Etc/GMT+5');
  });

  it('never mutates its input and returns a frozen schedule that matches ScheduleSchema', () => {
    const input = {
      timeZone: 'UTC',
      weekly: { mon: [{ start: '14:00', end: '15:00' }, { ...nineToSix }] },
      closures: ['2027-01-01', '2026-12-25'],
    };
    const copy = structuredClone(input);
    const parsed = parseSchedule(input);
    expect(input).toEqual(copy);
    expect(Object.isFrozen(parsed)).toBe(true);
    expect(Object.isFrozen(parsed.weekly)).toBe(true);
    expect(Object.isFrozen(parsed.weekly.mon)).toBe(true);
    expect(Object.isFrozen(parsed.weekly.mon[0])).toBe(true);
    expect(Object.isFrozen(parsed.closures)).toBe(true);
    expect(Compile(ScheduleSchema).Check(parsed)).toBe(true);
  });

  it('accepts its own output again, unchanged (a normalized schedule is a valid input)', () => {
    const once = parseSchedule({
      start: '21:00',
      end: '03:00',
      days: ['sat'],
      timeZone: 'Pacific/Chatham',
    });
    expect(parseSchedule(JSON.parse(JSON.stringify(once)))).toEqual(once);
  });
});

describe('parseSchedule refuses, naming the path', () => {
  it.each<[string, unknown, string, string]>([
    [
      'an unknown zone',
      { ...nineToSix, timeZone: 'Mars/Olympus' },
      '/timeZone',
      "'Mars/Olympus' is not a known IANA time zone",
    ],
    ['a missing zone without default', { ...nineToSix }, '/timeZone', 'missing'],
    [
      'a raw offset (V8 accepts it)',
      { ...nineToSix, timeZone: '+05:30' },
      '/timeZone',
      'is a UTC offset',
    ],
    ['a negative raw offset', { ...nineToSix, timeZone: '-0800' }, '/timeZone', 'is a UTC offset'],
    ['an empty zone', { ...nineToSix, timeZone: '' }, '/timeZone', 'must not be empty'],
    ['a zone that is not a string', { ...nineToSix, timeZone: 530 }, '/timeZone', 'got a number'],
    [
      '25:00',
      { timeZone: 'UTC', weekly: { mon: [{ start: '09:00', end: '25:00' }] } },
      '/weekly/mon/0/end',
      "'25:00' is not a time (HH:MM, 00:00–23:59, or 24:00 as an end)",
    ],
    [
      '9:00 (one digit)',
      { timeZone: 'UTC', weekly: { tue: [{ start: '9:00', end: '12:00' }] } },
      '/weekly/tue/0/start',
      "'9:00' is not a time",
    ],
    [
      '12:60',
      { timeZone: 'UTC', weekly: { wed: [nineToSix, { start: '12:00', end: '12:60' }] } },
      '/weekly/wed/1/end',
      "'12:60' is not a time",
    ],
    [
      'start == end',
      { timeZone: 'UTC', weekly: { mon: [{ start: '09:00', end: '09:00' }] } },
      '/weekly/mon/0/end',
      'end equals start',
    ],
    [
      'start == end in the shorthand',
      { timeZone: 'UTC', start: '00:00', end: '00:00' },
      '/end',
      'write 00:00–24:00 for a full day',
    ],
    [
      'start 24:00',
      { timeZone: 'UTC', weekly: { mon: [{ start: '24:00', end: '02:00' }] } },
      '/weekly/mon/0/start',
      "'24:00' is not a start time",
    ],
    [
      'a time that is not a string',
      { timeZone: 'UTC', weekly: { mon: [{ start: 900, end: '12:00' }] } },
      '/weekly/mon/0/start',
      'got a number',
    ],
    [
      'an unknown weekday key',
      { timeZone: 'UTC', weekly: { monday: [nineToSix] } },
      '/weekly/monday',
      "'monday' is not a weekday",
    ],
    [
      'an extra property at the root',
      { timeZone: 'UTC', weekly: {}, note: 'x' },
      '/note',
      'unknown property',
    ],
    [
      'an extra property in a range',
      { timeZone: 'UTC', weekly: { mon: [{ ...nineToSix, label: 'x' }] } },
      '/weekly/mon/0/label',
      'unknown property',
    ],
    [
      'an extra property in the shorthand',
      { ...nineToSix, timeZone: 'UTC', lunch: true },
      '/lunch',
      'unknown property',
    ],
    ['weekly as an array', { timeZone: 'UTC', weekly: [] }, '/weekly', 'got an array'],
    [
      'a day as an object',
      { timeZone: 'UTC', weekly: { mon: nineToSix } },
      '/weekly/mon',
      'expected an array of ranges',
    ],
    [
      'a range as a string',
      { timeZone: 'UTC', weekly: { mon: ['09:00-18:00'] } },
      '/weekly/mon/0',
      'expected a range {start, end}',
    ],
    [
      'a range without end',
      { timeZone: 'UTC', weekly: { mon: [{ start: '09:00' }] } },
      '/weekly/mon/0/end',
      'missing',
    ],
    ['the shorthand without end', { timeZone: 'UTC', start: '09:00' }, '/end', 'missing'],
    [
      'closures as a string',
      { timeZone: 'UTC', weekly: {}, closures: '2026-12-25' },
      '/closures',
      'expected an array of dates',
    ],
    [
      'a closure as a number',
      { timeZone: 'UTC', weekly: {}, closures: [20261225] },
      '/closures/0',
      'got a number',
    ],
    [
      'a malformed closure date',
      { timeZone: 'UTC', weekly: {}, closures: ['2026-12-25', '2026-2-3'] },
      '/closures/1',
      "'2026-2-3' is not a date (YYYY-MM-DD)",
    ],
    [
      'an impossible closure date',
      { timeZone: 'UTC', weekly: {}, closures: ['2026-12-25', '2026-02-30'] },
      '/closures/1',
      "'2026-02-30' is not a calendar date",
    ],
    [
      'month 13',
      { timeZone: 'UTC', weekly: {}, closures: ['2026-13-01'] },
      '/closures/0',
      'is not a calendar date',
    ],
    [
      'an empty days array',
      { ...nineToSix, timeZone: 'UTC', days: [] },
      '/days',
      'at least one weekday',
    ],
    [
      'an unknown day in the shorthand',
      { ...nineToSix, timeZone: 'UTC', days: ['mon', 'monday'] },
      '/days/1',
      "'monday' is not a weekday",
    ],
    [
      'a day listed twice',
      { ...nineToSix, timeZone: 'UTC', days: ['mon', 'mon'] },
      '/days/1',
      'listed twice',
    ],
    [
      'days as a string',
      { ...nineToSix, timeZone: 'UTC', days: 'mon' },
      '/days',
      'expected an array of weekdays',
    ],
    ['null', null, '', 'expected a schedule object, got null'],
    ['an array', [nineToSix], '', 'got an array'],
    ['a JSON string', '{"start":"09:00"}', '', 'got a string'],
    [
      'an object that is neither form',
      { timeZone: 'UTC' },
      '',
      'expected {timeZone?, weekly, closures?, overrides?, holidays?} or the shorthand',
    ],
  ])('%s', (_name, input, path, reason) => {
    const error = errorOf(input);
    expect(error.path).toBe(path);
    expect(error.reason).toContain(reason);
    expect(error.message).toContain(reason);
  });

  it('messages name the path readably', () => {
    const error = errorOf({ timeZone: 'UTC', weekly: { mon: [{ start: '09:00', end: '25:00' }] } });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ScheduleError');
    expect(error.message).toBe(
      "weekly.mon[0].end: '25:00' is not a time (HH:MM, 00:00–23:59, or 24:00 as an end)",
    );
    expect(errorOf([]).message).toBe('schedule: expected a schedule object, got an array');
  });

  it('an invalid default zone is reported at /timeZone', () => {
    const error = errorOf({ ...nineToSix }, { defaultTimeZone: 'Nowhere/Special' });
    expect(error.path).toBe('/timeZone');
    expect(error.reason).toContain(
      "the default zone 'Nowhere/Special' is not a known IANA time zone",
    );
  });
});
