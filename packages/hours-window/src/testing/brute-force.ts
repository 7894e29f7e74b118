/**
 * An independent, deliberately naive reading of SPEC §2 for the property tests: for one
 * instant, ask Intl for the wall date and time in the zone (formatToParts) and test the
 * schedule's ranges against it directly. It shares no code with the library; public
 * holidays are taken from date-holidays as data (which dates), the rules are read here.
 */
import Holidays from 'date-holidays';

export type Day = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const DAYS: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

type Range = { start: string; end: string };

/** The raw schedule the generators build (also valid parseSchedule input). */
export interface RawSchedule {
  timeZone: string;
  weekly: Record<Day, Range[]>;
  closures: (string | { from: string; to?: string; name?: string })[];
  overrides?: Record<string, Range[]>;
  holidays?: { country: string; region?: string };
}

export interface WallTime {
  /** YYYY-MM-DD */
  date: string;
  /** minutes after local midnight */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall date and time a clock in `timeZone` shows at `ms`. */
export function wallTime(ms: number, timeZone: string): WallTime {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function toMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function dayOf(date: string): Day {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // getUTCDay: 0 = Sunday
  return DAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7] as Day;
}

function previousDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - 86_400_000).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
}

const holidayDates = new Map<string, Set<string>>();

/** Every local date covered by a public holiday of `year` (or one begun the year before). */
export function publicHolidays(
  source: { country: string; region?: string },
  year: number,
): Set<string> {
  const key = `${source.country} ${source.region ?? ''} ${year}`;
  let dates = holidayDates.get(key);
  if (dates === undefined) {
    dates = new Set();
    const calendar =
      source.region === undefined
        ? new Holidays(source.country)
        : new Holidays(source.country, source.region);
    for (const y of [year - 1, year]) {
      for (const h of calendar.getHolidays(y)) {
        if (h.type !== 'public') continue;
        const hours = (h.end.getTime() - h.start.getTime()) / 3_600_000;
        // A holiday of n days lasts n × 24 hours, give or take a DST hour.
        for (let i = 0; i === 0 || i * 24 < hours - 2; i++)
          dates.add(addDays(h.date.slice(0, 10), i));
      }
    }
    holidayDates.set(key, dates);
  }
  return dates;
}

/** The ranges that start on local date `date`: override, else closure or holiday, else weekday. */
function rangesStartingOn(schedule: RawSchedule, date: string): Range[] {
  const override = schedule.overrides?.[date];
  if (override !== undefined) return override;
  for (const c of schedule.closures) {
    if (typeof c === 'string' ? c === date : c.from <= date && date <= (c.to ?? c.from)) return [];
  }
  if (
    schedule.holidays !== undefined &&
    publicHolidays(schedule.holidays, Number(date.slice(0, 4))).has(date)
  ) {
    return [];
  }
  return schedule.weekly[dayOf(date)];
}

/** The spec, read literally, for the wall time `wall`. */
export function coveredWall(schedule: RawSchedule, wall: WallTime): boolean {
  const t = wall.minutes;
  for (const r of rangesStartingOn(schedule, wall.date)) {
    const start = toMinutes(r.start);
    const end = toMinutes(r.end);
    // start < end: same day; end < start: overnight, today's part is >= start.
    if (start < end ? start <= t && t < end : t >= start) return true;
  }
  for (const r of rangesStartingOn(schedule, previousDate(wall.date))) {
    const start = toMinutes(r.start);
    const end = toMinutes(r.end);
    if (end < start && t < end) return true;
  }
  return false;
}

/** Whether `schedule` covers instant `ms`. */
export function bruteIsOpen(schedule: RawSchedule, ms: number): boolean {
  return coveredWall(schedule, wallTime(ms, schedule.timeZone));
}

/**
 * Coverage of each minute [from + 60 000 i, from + 60 000 (i+1)) of a minute-aligned
 * window (every offset of the zones tested is a whole number of minutes, and so is every
 * transition instant, so a whole minute is covered or not).
 */
export function bruteMinutes(schedule: RawSchedule, from: number, minutes: number): boolean[] {
  const out: boolean[] = [];
  for (let i = 0; i < minutes; i++) out.push(bruteIsOpen(schedule, from + i * 60_000));
  return out;
}

/** Intervals `[start, end)` (ms) of the true runs of a minute array, clipped to [lo, hi). */
export function runsOf(
  covered: readonly boolean[],
  from: number,
  lo: number,
  hi: number,
): [number, number][] {
  const out: [number, number][] = [];
  let runStart: number | null = null;
  for (let i = 0; i <= covered.length; i++) {
    const on = covered[i] === true;
    if (on && runStart === null) runStart = from + i * 60_000;
    if (!on && runStart !== null) {
      const s = Math.max(runStart, lo);
      const e = Math.min(from + i * 60_000, hi);
      if (s < e) out.push([s, e]);
      runStart = null;
    }
  }
  return out;
}
