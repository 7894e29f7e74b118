/** parseSchedule on closure ranges, overrides and holidays: normalization and refusals. */
import { describe, expect, it } from 'vitest';
import { parseSchedule } from './parse-schedule.ts';
import { ScheduleError } from './schedule-error.ts';

const nineToSix = { start: '09:00', end: '18:00' };
const base = { timeZone: 'Asia/Kolkata', ...nineToSix };

function errorOf(input: unknown): ScheduleError {
  try {
    parseSchedule(input);
  } catch (error) {
    if (error instanceof ScheduleError) return error;
    throw error;
  }
  throw new Error(`accepted: ${JSON.stringify(input)}`);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('parseSchedule normalizes', () => {
  it('closures: plain dates stay, {from} alone is a plain date, ranges and named days are {from, to, name?}; sorted, unique', () => {
    const parsed = parseSchedule({
      ...base,
      closures: [
        { from: '2026-12-24', to: '2027-01-01', name: 'Winter break' },
        '2026-11-09',
        { from: '2026-10-02' },
        { from: '2026-08-15', name: 'Independence Day' },
        { from: '2026-12-24', to: '2026-12-26' },
        '2026-11-09',
        { from: '2026-11-09', to: '2026-11-09' },
      ],
    });
    expect(parsed.closures).toEqual([
      { from: '2026-08-15', to: '2026-08-15', name: 'Independence Day' },
      '2026-10-02',
      '2026-11-09',
      { from: '2026-12-24', to: '2026-12-26' },
      { from: '2026-12-24', to: '2027-01-01', name: 'Winter break' },
    ]);
  });

  it('overrides: keys in date order, ranges sorted, [] kept; holidays in the data set spelling', () => {
    const parsed = parseSchedule({
      ...base,
      overrides: {
        '2026-12-31': [],
        '2026-12-24': [
          { start: '14:00', end: '16:00' },
          { start: '09:00', end: '13:00' },
        ],
      },
      holidays: { country: 'in', region: 'mh' },
    });
    expect(Object.keys(parsed.overrides)).toEqual(['2026-12-24', '2026-12-31']);
    expect(parsed.overrides).toEqual({
      '2026-12-24': [
        { start: '09:00', end: '13:00' },
        { start: '14:00', end: '16:00' },
      ],
      '2026-12-31': [],
    });
    expect(parsed.holidays).toEqual({ country: 'IN', region: 'MH' });
    expect(
      parseSchedule({ ...base, holidays: { country: 'CK', region: 'RAROTONGA' } }).holidays,
    ).toEqual({ country: 'CK', region: 'Rarotonga' });
  });

  it('the full form takes the same closures, overrides and holidays as the shorthand', () => {
    const parsed = parseSchedule({
      timeZone: 'Europe/London',
      weekly: { mon: [nineToSix] },
      closures: [{ from: '2026-12-24', to: '2026-12-26', name: 'Christmas' }],
      overrides: { '2026-12-27': [nineToSix] },
      holidays: { country: 'GB', region: 'SCT' },
    });
    expect(parsed.holidays).toEqual({ country: 'GB', region: 'SCT' });
    expect(parsed.overrides).toEqual({ '2026-12-27': [nineToSix] });
  });

  it('leaves holidays out when none are given, and re-parses its own output to an equal value', () => {
    const plain = parseSchedule(base);
    expect(plain).toEqual({ ...plain, closures: [], overrides: {} });
    expect('holidays' in plain).toBe(false);
    const full = parseSchedule({
      ...base,
      closures: [{ from: '2026-12-24', to: '2027-01-01', name: 'Winter break' }, '2026-11-09'],
      overrides: { '2026-12-23': [{ start: '22:00', end: '02:00' }] },
      holidays: { country: 'IN' },
    });
    expect(parseSchedule(JSON.parse(JSON.stringify(full)))).toEqual(full);
  });

  it('never mutates its input', () => {
    const input = deepFreeze({
      ...base,
      closures: ['2027-01-01', { from: '2026-12-24', to: '2026-12-26' }],
      overrides: { '2026-12-31': [{ start: '14:00', end: '16:00' }, nineToSix] },
      holidays: { country: 'in' },
    });
    const copy = JSON.parse(JSON.stringify(input)) as unknown;
    parseSchedule(input);
    expect(input).toEqual(copy);
  });
});

describe('parseSchedule refuses, naming the path', () => {
  it.each([
    [
      'a range ending before it starts',
      { closures: [{ from: '2026-12-24', to: '2026-12-23' }] },
      '/closures/0/to',
      "'2026-12-23' is before from ('2026-12-24')",
    ],
    ['a range without from', { closures: [{ to: '2026-12-23' }] }, '/closures/0/from', 'missing'],
    [
      'an impossible from',
      { closures: ['2026-12-24', { from: '2026-02-30' }] },
      '/closures/1/from',
      'not a calendar date',
    ],
    [
      'a malformed to',
      { closures: [{ from: '2026-12-24', to: '2026-1-2' }] },
      '/closures/0/to',
      'not a date',
    ],
    [
      'a blank name',
      { closures: [{ from: '2026-12-24', name: '  ' }] },
      '/closures/0/name',
      'blank',
    ],
    [
      'a name that is not a string',
      { closures: [{ from: '2026-12-24', name: 7 }] },
      '/closures/0/name',
      'expected a name',
    ],
    [
      'an overlong name',
      { closures: [{ from: '2026-12-24', name: 'x'.repeat(201) }] },
      '/closures/0/name',
      'longer than 200',
    ],
    [
      'an unknown closure key',
      { closures: [{ from: '2026-12-24', until: '2026-12-25' }] },
      '/closures/0/until',
      'unknown property',
    ],
    ['a closure that is a number', { closures: [20261224] }, '/closures/0', 'expected a date'],
    [
      'an override on an impossible date',
      { overrides: { '2026-02-30': [] } },
      '/overrides/2026-02-30',
      'not a calendar date',
    ],
    [
      'an override key that is not a date',
      { overrides: { christmas: [] } },
      '/overrides/christmas',
      'not a date',
    ],
    [
      'an override that is not a list',
      { overrides: { '2026-12-24': nineToSix } },
      '/overrides/2026-12-24',
      'expected an array of ranges',
    ],
    [
      'a bad override range',
      { overrides: { '2026-12-24': [{ start: '09:00', end: '09:00' }] } },
      '/overrides/2026-12-24/0/end',
      'end equals start',
    ],
    ['overrides as a list', { overrides: [] }, '/overrides', 'expected an object of dates'],
    [
      'a date both closed and overridden',
      {
        closures: ['2026-12-20', { from: '2026-12-24', to: '2026-12-26', name: 'Christmas' }],
        overrides: { '2026-12-25': [nineToSix] },
      },
      '/overrides/2026-12-25',
      '2026-12-25 is also closed by closures[1]',
    ],
    [
      'an unknown country',
      { holidays: { country: 'XX' } },
      '/holidays/country',
      "'XX' is not a country",
    ],
    [
      'a country that is not a string',
      { holidays: { country: 91 } },
      '/holidays/country',
      'expected a country code',
    ],
    ['a missing country', { holidays: { region: 'MH' } }, '/holidays/country', 'missing'],
    [
      'an unknown region',
      { holidays: { country: 'IN', region: 'ZZ' } },
      '/holidays/region',
      "'ZZ' is not a region of IN",
    ],
    [
      'a region of a country without regions',
      { holidays: { country: 'IS', region: 'X' } },
      '/holidays/region',
      'known: none',
    ],
    [
      'an unknown holidays key',
      { holidays: { country: 'IN', state: 'MH' } },
      '/holidays/state',
      'unknown property',
    ],
  ])('%s', (_name, extra, path, reason) => {
    const error = errorOf({ ...base, ...extra });
    expect(error.path).toBe(path);
    expect(error.reason).toContain(reason);
  });
});
