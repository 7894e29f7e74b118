/**
 * Generators for the property tests (properties.test.ts): random schedules — overnight
 * ranges, 24:00, overlaps, closures and closure ranges, overrides (overnight and `[]`),
 * public holidays — and windows of time around DST changes or holidays, resolved into
 * concrete raw schedules and instants.
 */
import fc from 'fast-check';
import { publicHolidays, type Day, type RawSchedule } from './brute-force.ts';

export const ZONES = [
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
export const MINUTE = 60_000;
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
export type Range = { start: string; end: string };
const dayRanges: fc.Arbitrary<Range[]> = fc.oneof(
  { arbitrary: fc.array(range, { maxLength: 3 }), weight: 4 },
  {
    arbitrary: fc.constant(null).map((): Range[] => [{ start: '00:00', end: '24:00' }]),
    weight: 1,
  },
);
export const weekly: fc.Arbitrary<Record<Day, Range[]>> = fc.record({
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
export const scheduleShape = fc.record({
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
export const windowShape = fc.record({
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
export type WindowShape = typeof windowShape extends fc.Arbitrary<infer T> ? T : never;
export type ScheduleShape = typeof scheduleShape extends fc.Arbitrary<infer T> ? T : never;

export interface Window {
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

export function resolveWindow(w: WindowShape, shape: ScheduleShape): Window {
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

export function resolveSchedule(s: ScheduleShape, grid: number): RawSchedule {
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
