import {
  DAY_MS,
  checkInstant,
  civilFromDays,
  formatDay,
  formatNaive,
  formatOffset,
  weekdayIndexOfDay,
} from './internal/civil.ts';
import { zoneArgument } from './internal/zone-arg.ts';
import { offsetAt } from './internal/zone-offsets.ts';
import { WEEKDAYS, type Weekday } from './types.ts';

/**
 * RFC 3339 local time of `at` in `timeZone` with the offset in force at that instant:
 * `YYYY-MM-DDTHH:MM:SS±HH:MM`. Seconds always, milliseconds never (truncated), `+00:00`
 * rather than `Z`. In a fall-back hour the two instants with the same wall time differ
 * by their offsets. (Historic local mean time offsets with seconds print as `±HH:MM:SS`.)
 *
 * @throws {RangeError} for an unknown zone or an invalid Date.
 * @example
 * formatLocal(new Date('2026-11-30T03:30:00Z'), 'Asia/Kolkata') // => '2026-11-30T09:00:00+05:30'
 * formatLocal(new Date('2026-11-01T05:30:00Z'), 'America/New_York') // => '2026-11-01T01:30:00-04:00'
 * formatLocal(new Date('2026-11-01T06:30:00Z'), 'America/New_York') // => '2026-11-01T01:30:00-05:00'
 */
export function formatLocal(at: Date, timeZone: string): string {
  const zone = zoneArgument(timeZone);
  const t = checkInstant(at, 'at');
  const offset = offsetAt(zone, t);
  return formatNaive(t + offset) + formatOffset(offset);
}

const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The parts of a local time, for replies such as "Monday 7 December at 10:30". */
export interface LocalDescription {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** `HH:MM` (24-hour) */
  readonly time: string;
  readonly weekday: Weekday;
  /** English weekday name: `Monday` */
  readonly weekdayName: string;
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** English month name: `December` */
  readonly monthName: string;
  /** Day of the month, 1–31 */
  readonly day: number;
  /** Offset in force: `+05:30` */
  readonly offset: string;
  /** `formatLocal(at, timeZone)` */
  readonly iso: string;
  /** `Monday 7 December at 10:30` */
  readonly text: string;
}

/**
 * The local date and time of `at` in `timeZone`, broken into named parts (English names),
 * with a ready sentence fragment `text`.
 *
 * @throws {RangeError} for an unknown zone or an invalid Date.
 * @example
 * describeLocal(new Date('2026-12-07T05:00:00Z'), 'Asia/Kolkata').text // => 'Monday 7 December at 10:30'
 */
export function describeLocal(at: Date, timeZone: string): LocalDescription {
  const zone = zoneArgument(timeZone);
  const t = checkInstant(at, 'at');
  const offset = offsetAt(zone, t);
  const local = t + offset;
  const days = Math.floor(local / DAY_MS);
  const [year, month, day] = civilFromDays(days);
  const weekdayIndex = weekdayIndexOfDay(days);
  const iso = formatNaive(local) + formatOffset(offset);
  const time = iso.slice(11, 16);
  const weekdayName = WEEKDAY_NAMES[weekdayIndex] as string;
  const monthName = MONTH_NAMES[month - 1] as string;
  return {
    date: formatDay(days),
    time,
    weekday: WEEKDAYS[weekdayIndex] as Weekday,
    weekdayName,
    year,
    month,
    monthName,
    day,
    offset: formatOffset(offset),
    iso,
    text: `${weekdayName} ${day} ${monthName} at ${time}`,
  };
}
