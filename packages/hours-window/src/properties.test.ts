/**
 * The library against an independent brute-force reading of the spec (testing/brute-force.ts),
 * minute by minute, over random schedules (overnight ranges, 24:00, overlaps, closures and
 * closure ranges, overrides — overnight and `[]` included — and public holidays) in zones
 * with every kind of DST rule, in windows placed around their transitions or holidays.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainAt } from './explain-at.ts';
import { intersect } from './intersect.ts';
import { isOpen } from './is-open.ts';
import { nextOpen } from './next-open.ts';
import { openIntervals } from './open-intervals.ts';
import { parseSchedule } from './parse-schedule.ts';
import { sharedOpenIntervals } from './shared-open-intervals.ts';
import {
  bruteIsOpen,
  bruteMinutes,
  publicHolidays,
  runsOf,
  type Day,
  type RawSchedule,
} from './testing/brute-force.ts';
import type { Interval } from './types.ts';

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Auckland',
  'Asia/Kolkata',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'UTC',
  'Pacific/Chatham',
  'America/St_Johns',
  'Africa/Casablanca',
  'Europe/Dublin',
  'America/Nuuk',
  'Pacific/Apia',
  'America/Santiago',
];
const MINUTE = 60_000;
/** HOURS_WINDOW_PROPERTY_RUNS=10 multiplies the runs, for a long soak outside the normal suite. */
const SCALE = Number(process.env.HOURS_WINDOW_PROPERTY_RUNS ?? '1');
const runs = (n: number) => ({ numRuns: Math.max(1, Math.round(n * SCALE)) });
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Midnight-UTC instants of the days (in `year`) on which the zone's offset changes. */
const changeDaysCache = new Map<string, number[]>();
function changeDays(zone: string, year: number): number[] {
  const key = `${zone} ${year}`;
  const cached = changeDaysCache.get(key);
  if (cached !== undefined) return cached;
  const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  const offset = (ms: number) => f.format(ms).split(' ').pop();
  const days: number[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY) {
    if (offset(t) !== offset(t + DAY)) days.push(t);
  }
  changeDaysCache.set(key, days);
  return days;
}

const time = fc.oneof(
  fc.integer({ min: 0, max: 1439 }),
  fc.integer({ min: 0, max: 23 }).map((h) => h * 60),
  fc.constantFrom(0, 30, 60, 90, 120, 150, 180, 1380, 1410, 1439),
);
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const range = fc
  .tuple(time, fc.oneof(time, fc.constant(1440)))
  .filter(([s, e]) => s !== e)
  .map(([s, e]) => ({ start: hhmm(s), end: hhmm(e) }));
type Range = { start: string; end: string };
const dayRanges: fc.Arbitrary<Range[]> = fc.oneof(
  { arbitrary: fc.array(range, { maxLength: 3 }), weight: 4 },
  {
    arbitrary: fc.constant(null).map((): Range[] => [{ start: '00:00', end: '24:00' }]),
    weight: 1,
  },
);
const weekly: fc.Arbitrary<Record<Day, Range[]>> = fc.record({
  mon: dayRanges,
  tue: dayRanges,
  wed: dayRanges,
  thu: dayRanges,
  fri: dayRanges,
  sat: dayRanges,
  sun: dayRanges,
});

const HOLIDAY_SOURCES = [
  { country: 'GB' },
  { country: 'GB', region: 'SCT' },
  { country: 'IN', region: 'MH' },
  { country: 'US', region: 'NY' },
  { country: 'AE' },
  { country: 'NZ' },
  { country: 'DE', region: 'BY' },
  { country: 'CN' },
];

/**
 * A schedule whose closures and overrides are days relative to the window (resolved
 * later): closures as plain dates, ranges or named ranges; overrides with up to two
 * ranges (overnight ones included) or `[]`; public holidays of some country, or none.
 */
const scheduleShape = fc.record({
  zone: fc.constantFrom(...ZONES),
  weekly,
  closures: fc.array(
    fc.record({
      offset: fc.integer({ min: -2, max: 4 }),
      length: fc.integer({ min: 0, max: 3 }),
      form: fc.constantFrom('plain', 'range', 'named'),
    }),
    { maxLength: 3 },
  ),
  overrides: fc.array(
    fc.record({
      offset: fc.integer({ min: -2, max: 4 }),
      ranges: fc.array(range, { maxLength: 2 }),
    }),
    { maxLength: 3 },
  ),
  holidays: fc.option(fc.constantFrom(...HOLIDAY_SOURCES), { nil: undefined }),
});

/** A window of 6 h – 2.5 days: near a DST change (mostly), a public holiday, or anywhere in 2005–2035. */
const windowShape = fc.record({
  year: fc.integer({ min: 2005, max: 2035 }),
  near: fc.oneof(
    { arbitrary: fc.constant('change' as const), weight: 2 },
    { arbitrary: fc.constant('holiday' as const), weight: 1 },
    { arbitrary: fc.constant('any' as const), weight: 1 },
  ),
  pick: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  lead: fc.integer({ min: 0, max: 36 * 60 }),
  minutes: fc.integer({ min: 6 * 60, max: 60 * 60 }),
  fromMs: fc.integer({ min: 0, max: MINUTE - 1 }),
  toMs: fc.integer({ min: 0, max: MINUTE - 1 }),
  probe: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
});
type WindowShape = typeof windowShape extends fc.Arbitrary<infer T> ? T : never;
type ScheduleShape = typeof scheduleShape extends fc.Arbitrary<infer T> ? T : never;

interface Window {
  /** minute-aligned start of the brute-force grid */
  grid: number;
  minutes: number;
  from: number;
  to: number;
  probe: number;
}

/** Midnight-UTC instants of the public holidays of `year`. */
function holidayDays(source: ScheduleShape['holidays'], year: number): number[] {
  if (source === undefined) return [];
  return [...publicHolidays(source, year)]
    .filter((date) => date.startsWith(String(year)))
    .map((date) => Date.parse(`${date}T00:00:00Z`));
}

function resolveWindow(w: WindowShape, shape: ScheduleShape): Window {
  const days =
    w.near === 'change'
      ? changeDays(shape.zone, w.year)
      : w.near === 'holiday'
        ? holidayDays(shape.holidays, w.year)
        : [];
  const anchor =
    days.length > 0
      ? (days[Math.floor(w.pick * days.length)] as number) + 12 * HOUR
      : Date.UTC(w.year, 0, 1) + Math.floor(w.pick * 365) * DAY;
  const grid = anchor - w.lead * MINUTE;
  const minutes = w.minutes + 1;
  const from = grid + w.fromMs;
  const to = grid + w.minutes * MINUTE + w.toMs;
  return { grid, minutes, from, to, probe: from + Math.floor(w.probe * (to - from)) };
}

const dateAt = (grid: number, days: number) =>
  new Date(grid + days * DAY).toISOString().slice(0, 10);

function resolveSchedule(s: ScheduleShape, grid: number): RawSchedule {
  const closures = s.closures.map(({ offset, length, form }, i) => {
    const from = dateAt(grid, offset);
    if (form === 'plain') return from;
    const to = dateAt(grid, offset + length);
    return form === 'range' ? { from, to } : { from, to, name: `Closure ${i}` };
  });
  const closed = (date: string) =>
    closures.some((c) => (typeof c === 'string' ? c === date : c.from <= date && date <= c.to));
  const overrides: Record<string, Range[]> = {};
  for (const { offset, ranges } of s.overrides) {
    const date = dateAt(grid, offset);
    // A date both closed and overridden is refused (tested elsewhere): keep the closure.
    if (!closed(date)) overrides[date] = ranges;
  }
  return {
    timeZone: s.zone,
    weekly: s.weekly,
    closures,
    overrides,
    ...(s.holidays === undefined ? {} : { holidays: s.holidays }),
  };
}

const iso = (list: readonly Interval[]) =>
  list.map((i) => [i.start.toISOString(), i.end.toISOString()]);
const isoRuns = (runs: readonly [number, number][]) =>
  runs.map(([s, e]) => [new Date(s).toISOString(), new Date(e).toISOString()]);

/** The first covered instant >= t according to a minute grid, or undefined past it. */
function firstCovered(covered: readonly boolean[], grid: number, t: number): number | undefined {
  for (let i = Math.floor((t - grid) / MINUTE); i < covered.length; i++) {
    if (covered[i] === true) return Math.max(grid + i * MINUTE, t);
  }
  return undefined;
}

/** The first instant > t whose coverage differs from `open`, on the minute grid. */
function firstFlip(
  covered: readonly boolean[],
  grid: number,
  t: number,
  open: boolean,
): number | undefined {
  for (let i = Math.floor((t - grid) / MINUTE) + 1; i < covered.length; i++) {
    if (covered[i] !== open) return grid + i * MINUTE;
  }
  return undefined;
}

function checkNextOpen(actual: Date | null, expected: number | undefined, gridEnd: number): void {
  if (expected !== undefined) expect(actual?.toISOString()).toBe(new Date(expected).toISOString());
  else if (actual !== null) expect(actual.getTime()).toBeGreaterThanOrEqual(gridEnd);
}

describe('against a minute-by-minute brute force of the spec', () => {
  it(
    'isOpen, openIntervals and nextOpen agree with it for one schedule',
    () => {
      fc.assert(
        fc.property(scheduleShape, windowShape, (shape, windowInput) => {
          const w = resolveWindow(windowInput, shape);
          const raw = resolveSchedule(shape, w.grid);
          const schedule = parseSchedule(raw);
          const covered = bruteMinutes(raw, w.grid, w.minutes);

          const wrong = covered.flatMap((on, i) => {
            const instant = new Date(w.grid + i * MINUTE + (i % 7) * 8_111);
            return isOpen(schedule, instant) === on ? [] : [instant.toISOString()];
          });
          expect(wrong).toEqual([]);
          expect(iso(openIntervals(schedule, new Date(w.from), new Date(w.to)))).toEqual(
            isoRuns(runsOf(covered, w.grid, w.from, w.to)),
          );
          checkNextOpen(
            nextOpen(schedule, new Date(w.probe)),
            firstCovered(covered, w.grid, w.probe),
            w.grid + w.minutes * MINUTE,
          );
          const explained = explainAt(schedule, new Date(w.probe));
          const openAtProbe = bruteIsOpen(raw, w.probe);
          expect(explained.open).toBe(openAtProbe);
          expect(explained.reason === 'OPEN').toBe(openAtProbe);
          checkNextOpen(
            explained.nextChange,
            firstFlip(covered, w.grid, w.probe, openAtProbe),
            w.grid + w.minutes * MINUTE,
          );
        }),
        runs(64),
      );
    },
    30_000 * SCALE,
  );

  it(
    'sharedOpenIntervals, intersect and nextOpen agree with it for two schedules in two zones',
    () => {
      fc.assert(
        fc.property(scheduleShape, scheduleShape, windowShape, (shapeA, shapeB, windowInput) => {
          const w = resolveWindow(windowInput, shapeA);
          const rawA = resolveSchedule(shapeA, w.grid);
          const rawB = resolveSchedule(shapeB, w.grid);
          const a = parseSchedule(rawA);
          const b = parseSchedule(rawB);
          const coveredA = bruteMinutes(rawA, w.grid, w.minutes);
          const coveredB = bruteMinutes(rawB, w.grid, w.minutes);
          const both = coveredA.map((on, i) => on && coveredB[i] === true);
          const expected = isoRuns(runsOf(both, w.grid, w.from, w.to));
          const from = new Date(w.from);
          const to = new Date(w.to);

          expect(iso(sharedOpenIntervals([a, b], from, to))).toEqual(expected);
          expect(iso(intersect(openIntervals(a, from, to), openIntervals(b, from, to)))).toEqual(
            expected,
          );
          checkNextOpen(
            nextOpen([a, b], new Date(w.probe)),
            firstCovered(both, w.grid, w.probe),
            w.grid + w.minutes * MINUTE,
          );
        }),
        runs(32),
      );
    },
    30_000 * SCALE,
  );

  it(
    'isOpen agrees with it at random instants in every zone Intl knows',
    () => {
      const allZones = Intl.supportedValuesOf('timeZone');
      fc.assert(
        fc.property(
          fc.constantFrom(...allZones),
          weekly,
          fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2040, 0, 1) }),
          (zone, week, at) => {
            const raw: RawSchedule = { timeZone: zone, weekly: week, closures: [] };
            expect(isOpen(parseSchedule(raw), new Date(at))).toBe(bruteIsOpen(raw, at));
          },
        ),
        runs(200),
      );
    },
    30_000 * SCALE,
  );
});
