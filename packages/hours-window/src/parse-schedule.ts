/**
 * Validation and normalization of schedule input (the full form or the shorthand).
 */
import { Compile } from 'typebox/compile';
import {
  checkedRange,
  checkKeys,
  isRecord,
  kindOf,
  readRangeList,
} from './internal/input-checks.ts';
import { readClosures, readOverrides } from './internal/read-closures.ts';
import { readHolidays } from './internal/read-holidays.ts';
import { resolveZone } from './internal/zone-offsets.ts';
import { childPath, ScheduleError } from './schedule-error.ts';
import { ScheduleInputSchema } from './schemas.ts';
import { WEEKDAYS, type Schedule, type TimeRange, type Weekday } from './types.ts';

/** Options of {@link parseSchedule}. */
export interface ParseScheduleOptions {
  /** The zone of a schedule that names none (the business's zone, for a customer). */
  readonly defaultTimeZone?: string;
}

const FULL_KEYS = ['timeZone', 'weekly', 'closures', 'overrides', 'holidays'];
const SHORTHAND_KEYS = ['start', 'end', 'days', 'timeZone', 'closures', 'overrides', 'holidays'];
const WEEKDAY_LIST = WEEKDAYS.join(', ');

const produced = new WeakSet<object>();
const inputValidator = Compile(ScheduleInputSchema);

/** Whether a schedule object is a (frozen) result of parseSchedule. */
export function wasProducedByParse(schedule: Schedule): boolean {
  return produced.has(schedule);
}

/**
 * Validates a schedule (full form or shorthand) and returns its normalized form: the full
 * form with all seven weekday keys (a key missing from the input means no hours that day),
 * each day's ranges sorted by start then end, closures unique and sorted by date (a plain
 * date string stays one; `{from}` alone becomes the plain date; a range or a named closure
 * becomes `{from, to, name?}`), overrides keyed in date order with their ranges sorted
 * (`{}` when none), `holidays` with upper-case codes (absent when none), the time zone
 * given or `options.defaultTimeZone`. The input is never mutated; the result is frozen.
 *
 * Accepted: `HH:MM` times 00:00–23:59, `24:00` as an end only; `start != end` (write
 * 00:00–24:00 for a full day); `end < start` is an overnight range; IANA zone names known
 * to Intl (`UTC` and `Etc/GMT+5` included, raw offsets such as `+05:30` refused);
 * closures and override keys as real calendar dates `YYYY-MM-DD`, a range's `to` not
 * before its `from`; no date both closed and overridden; holiday country and region codes
 * that date-holidays knows. No unknown properties anywhere.
 *
 * @throws {ScheduleError} naming the first offending value by its JSON pointer (`path`).
 * @example
 * parseSchedule({ start: '10:00', end: '19:00', days: ['mon', 'fri'] }, { defaultTimeZone: 'Asia/Kolkata' })
 * // => { timeZone: 'Asia/Kolkata',
 * //      weekly: { mon: [{ start: '10:00', end: '19:00' }], tue: [], wed: [], thu: [],
 * //                fri: [{ start: '10:00', end: '19:00' }], sat: [], sun: [] },
 * //      closures: [], overrides: {} }
 * @example
 * parseSchedule({ timeZone: 'Asia/Kolkata', start: '09:00', end: '18:00',
 *   closures: [{ from: '2026-12-24', to: '2027-01-01', name: 'Winter break' }, '2026-11-09'],
 *   overrides: { '2026-12-23': [{ start: '09:00', end: '13:00' }] },
 *   holidays: { country: 'in', region: 'mh' } })
 * // => { …, closures: ['2026-11-09', { from: '2026-12-24', to: '2027-01-01', name: 'Winter break' }],
 * //      overrides: { '2026-12-23': [{ start: '09:00', end: '13:00' }] },
 * //      holidays: { country: 'IN', region: 'MH' } }
 * @example
 * parseSchedule({ timeZone: 'UTC', weekly: { mon: [{ start: '25:00', end: '26:00' }] } })
 * // throws ScheduleError: path '/weekly/mon/0/start',
 * // message "weekly.mon[0].start: '25:00' is not a time (HH:MM, 00:00–23:59, or 24:00 as an end)"
 */
export function parseSchedule(input: unknown, options: ParseScheduleOptions = {}): Schedule {
  if (!isRecord(input))
    throw new ScheduleError('', `expected a schedule object, got ${kindOf(input)}`);
  const isFull = Object.hasOwn(input, 'weekly');
  const isShorthand = !isFull && ['start', 'end', 'days'].some((key) => Object.hasOwn(input, key));
  if (!isFull && !isShorthand) {
    throw new ScheduleError(
      '',
      'expected {timeZone?, weekly, closures?, overrides?, holidays?} or the shorthand ' +
        '{start, end, days?, timeZone?, closures?, overrides?, holidays?}',
    );
  }
  checkKeys(input, '', isFull ? FULL_KEYS : SHORTHAND_KEYS);
  const timeZone = readTimeZone(input, options);
  const weekly = isFull ? readWeekly(input.weekly) : readShorthand(input);
  const { closures, spans } = readClosures(input.closures);
  const overrides = readOverrides(input.overrides, spans);
  const holidays = readHolidays(input.holidays);

  // The hand-written checks above give precise messages; the schema services publish
  // must agree with them, so anything it refuses is refused here too.
  if (!inputValidator.Check(input)) {
    const [first] = inputValidator.Errors(input);
    throw new ScheduleError(
      first?.instancePath ?? '',
      first?.message ?? 'does not match the schedule schema',
    );
  }

  const schedule: Schedule = Object.freeze({
    timeZone,
    weekly,
    closures,
    overrides,
    ...(holidays === undefined ? {} : { holidays }),
  });
  produced.add(schedule);
  return schedule;
}

function readTimeZone(input: Record<string, unknown>, options: ParseScheduleOptions): string {
  if (Object.hasOwn(input, 'timeZone')) return checkTimeZone(input.timeZone, '');
  if (options.defaultTimeZone === undefined) {
    throw new ScheduleError(
      '/timeZone',
      "missing: name an IANA time zone such as 'Asia/Kolkata' (no default zone was given)",
    );
  }
  return checkTimeZone(options.defaultTimeZone, 'the default zone ');
}

function checkTimeZone(value: unknown, prefix: string): string {
  if (typeof value !== 'string') {
    throw new ScheduleError(
      '/timeZone',
      `${prefix}expected an IANA time zone name, got ${kindOf(value)}`,
    );
  }
  if (value === '') {
    throw new ScheduleError(
      '/timeZone',
      `${prefix}must not be empty: name an IANA time zone such as 'Asia/Kolkata'`,
    );
  }
  if (/^[+\-\u2212]|^[0-9]/.test(value)) {
    throw new ScheduleError(
      '/timeZone',
      `${prefix}'${value}' is a UTC offset, not an IANA time zone (e.g. 'Asia/Kolkata', 'Etc/GMT-5')`,
    );
  }
  const zone = resolveZone(value);
  if (zone === null)
    throw new ScheduleError('/timeZone', `${prefix}'${value}' is not a known IANA time zone`);
  return zone.name;
}

function readWeekly(value: unknown): Readonly<Record<Weekday, readonly TimeRange[]>> {
  if (!isRecord(value)) {
    throw new ScheduleError(
      '/weekly',
      `expected an object of weekdays (${WEEKDAY_LIST}), got ${kindOf(value)}`,
    );
  }
  for (const key of Object.keys(value)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) {
      throw new ScheduleError(
        childPath('/weekly', key),
        `'${key}' is not a weekday (${WEEKDAY_LIST})`,
      );
    }
  }
  const weekly = {} as Record<Weekday, readonly TimeRange[]>;
  for (const day of WEEKDAYS) {
    const path = childPath('/weekly', day);
    weekly[day] = readRangeList(Object.hasOwn(value, day) ? value[day] : [], path);
  }
  return Object.freeze(weekly);
}

function readShorthand(
  input: Record<string, unknown>,
): Readonly<Record<Weekday, readonly TimeRange[]>> {
  const range = checkedRange(input, '');
  let days: readonly Weekday[] = WEEKDAYS;
  if (Object.hasOwn(input, 'days')) {
    const list = input.days;
    if (!Array.isArray(list))
      throw new ScheduleError('/days', `expected an array of weekdays, got ${kindOf(list)}`);
    if (list.length === 0) {
      throw new ScheduleError(
        '/days',
        'must list at least one weekday (leave days out for every day)',
      );
    }
    const seen: Weekday[] = [];
    list.forEach((day: unknown, i) => {
      if (typeof day !== 'string' || !(WEEKDAYS as readonly string[]).includes(day)) {
        const shown = typeof day === 'string' ? `'${day}'` : kindOf(day);
        throw new ScheduleError(`/days/${i}`, `${shown} is not a weekday (${WEEKDAY_LIST})`);
      }
      if (seen.includes(day as Weekday))
        throw new ScheduleError(`/days/${i}`, `'${day}' is listed twice`);
      seen.push(day as Weekday);
    });
    days = seen;
  }
  const weekly = {} as Record<Weekday, readonly TimeRange[]>;
  for (const day of WEEKDAYS) weekly[day] = Object.freeze(days.includes(day) ? [range] : []);
  return Object.freeze(weekly);
}
