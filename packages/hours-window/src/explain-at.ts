import {
  DAY_MS,
  MAX_SUPPORTED_MS,
  checkInstant,
  formatDay,
  formatNaive,
  formatOffset,
} from './internal/civil.ts';
import {
  compile,
  coversLocal,
  exceptionOnDay,
  openFlat,
  rangesOn,
  type CompiledSchedule,
} from './internal/compiled-schedule.ts';
import { forEachSegment, offsetAt } from './internal/zone-offsets.ts';
import { nextOpenMs } from './next-open.ts';
import type { ExplainCause, ExplainReason, Explanation, Schedule } from './types.ts';

/** Options of {@link explainAt}. */
export interface ExplainOptions {
  /**
   * Whose schedule this is, for the reason code: `business` (default) answers
   * `BUSINESS_CLOSED_DAY` / `BUSINESS_CLOSURE` / `OUTSIDE_BUSINESS_HOURS`; `customer`
   * answers `CUSTOMER_CLOSURE` / `OUTSIDE_CUSTOMER_HOURS` (SPEC §5 has no customer
   * "closed day" code: a weekday without hours is outside the customer's hours).
   */
  readonly side?: 'business' | 'customer';
  /** How far to look for `nextChange`, in days of 24 hours (inclusive). Default 366. */
  readonly horizonDays?: number;
}

const REASONS: Record<'business' | 'customer', Record<ExplainCause, ExplainReason>> = {
  business: {
    hours: 'OPEN',
    'special-hours': 'OUTSIDE_BUSINESS_HOURS',
    'closed-weekday': 'BUSINESS_CLOSED_DAY',
    closure: 'BUSINESS_CLOSURE',
    holiday: 'BUSINESS_CLOSURE',
    'closed-override': 'BUSINESS_CLOSURE',
    'outside-hours': 'OUTSIDE_BUSINESS_HOURS',
    'dst-gap': 'OUTSIDE_BUSINESS_HOURS',
  },
  customer: {
    hours: 'OPEN',
    'special-hours': 'OUTSIDE_CUSTOMER_HOURS',
    'closed-weekday': 'OUTSIDE_CUSTOMER_HOURS',
    closure: 'CUSTOMER_CLOSURE',
    holiday: 'CUSTOMER_CLOSURE',
    'closed-override': 'CUSTOMER_CLOSURE',
    'outside-hours': 'OUTSIDE_CUSTOMER_HOURS',
    'dst-gap': 'OUTSIDE_CUSTOMER_HOURS',
  },
};

const MAX_WINDOW_MS = 32 * DAY_MS;

/**
 * Why the schedule is open or closed at `at`, and until when. `open` is exactly
 * {@link isOpen}. When closed, the cause is looked for in this order, and `reason` is its
 * SPEC §5 code for the `side` asked for:
 * 1. `dst-gap`: `at` falls just after a spring-forward change, and the wall time it would
 *    have shown without the change (now skipped) is covered — `OUTSIDE_…_HOURS`;
 * 2. the local date of `at` is a closure (`closure`: its name, else its date, or
 *    `from/to` for an unnamed range), a public holiday (`closure`: the holiday's English
 *    name) or an override `[]` (`closure`: the override's date) — `…_CLOSURE`;
 * 3. an override with hours governs the date and `at` is outside them (`special-hours`,
 *    `closure`: the override's date) — `OUTSIDE_…_HOURS`;
 * 4. the weekday has no ranges (`closed-weekday`) — `BUSINESS_CLOSED_DAY` for the
 *    business, `OUTSIDE_CUSTOMER_HOURS` for a customer;
 * 5. otherwise a working day outside its ranges (`outside-hours`) — `OUTSIDE_…_HOURS`.
 *
 * An overnight range begun the evening before keeps a closed date open until it ends
 * (`open: true`). `localTime` is `at` in the schedule's zone (RFC 3339 with offset);
 * `nextChange` the first instant after `at` whose open-ness differs (the end of the
 * current opening, or the next opening), null if none within `horizonDays`.
 *
 * @throws {ScheduleError} for an invalid schedule, {RangeError} for an invalid Date,
 *   side or horizon.
 * @example
 * const s = parseSchedule({ timeZone: 'Europe/London', start: '09:00', end: '17:30',
 *   days: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: { country: 'GB' } })
 * explainAt(s, new Date('2026-12-28T10:00:00Z'))
 * // => { open: false, reason: 'BUSINESS_CLOSURE', cause: 'holiday',
 * //      closure: 'Boxing Day (substitute day)', localTime: '2026-12-28T10:00:00+00:00',
 * //      localDate: '2026-12-28', nextChange: 2026-12-29T09:00:00.000Z }
 * explainAt(s, new Date('2026-12-29T10:00:00Z'), { side: 'customer' })
 * // => { open: true, reason: 'OPEN', cause: 'hours', …, nextChange: 2026-12-29T17:30:00.000Z }
 */
export function explainAt(schedule: Schedule, at: Date, options: ExplainOptions = {}): Explanation {
  const c = compile(schedule);
  const t = checkInstant(at, 'at');
  const side = options.side ?? 'business';
  if (side !== 'business' && side !== 'customer')
    throw new RangeError(`side must be 'business' or 'customer', got ${String(side)}`);
  const horizonDays = options.horizonDays ?? 366;
  if (!(Number.isFinite(horizonDays) && horizonDays >= 0))
    throw new RangeError(`horizonDays must be a finite number >= 0, got ${horizonDays}`);
  const limit = Math.min(t + Math.floor(horizonDays * DAY_MS) + 1, MAX_SUPPORTED_MS);

  const offset = offsetAt(c.zone, t);
  const local = t + offset;
  const day = Math.floor(local / DAY_MS);
  const where = {
    localTime: formatNaive(local) + formatOffset(offset),
    localDate: formatDay(day),
  };
  if (coversLocal(c, local)) {
    const m = local - day * DAY_MS;
    const governing = inRanges(rangesOn(c, day), m) ? day : day - 1;
    const cause = exceptionOnDay(c, governing)?.kind === 'override' ? 'special-hours' : 'hours';
    return { open: true, reason: 'OPEN', cause, ...where, nextChange: nextClose(c, t, limit) };
  }
  const { cause, closure } = closedCause(c, t, day);
  const next = nextOpenMs([c], t, limit);
  return {
    open: false,
    reason: REASONS[side][cause],
    cause,
    ...(closure === undefined ? {} : { closure }),
    ...where,
    nextChange: next === null ? null : new Date(next),
  };
}

function inRanges(ranges: readonly number[], m: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) {
    if ((ranges[i] as number) <= m && m < (ranges[i + 1] as number)) return true;
  }
  return false;
}

function closedCause(
  c: CompiledSchedule,
  t: number,
  day: number,
): { cause: ExplainCause; closure?: string } {
  const skipped = skippedWallTime(c, t);
  if (skipped !== null && coversLocal(c, skipped)) return { cause: 'dst-gap' };
  const exception = exceptionOnDay(c, day);
  if (exception !== undefined) {
    if (exception.kind !== 'override') return { cause: exception.kind, closure: exception.name };
    const cause = exception.ranges.length === 0 ? 'closed-override' : 'special-hours';
    return { cause, closure: exception.name };
  }
  if (rangesOn(c, day).length === 0) return { cause: 'closed-weekday' };
  return { cause: 'outside-hours' };
}

/**
 * When `t` lies within the first g milliseconds after a forward change of g ms, the naive
 * local time it would have shown under the old offset (one of the skipped wall times);
 * else null. Looks back two days: no change skips more than a day (Samoa, 2011).
 */
function skippedWallTime(c: CompiledSchedule, t: number): number | null {
  let previous = Number.NaN;
  let current = Number.NaN;
  let currentStart = Number.NaN;
  forEachSegment(c.zone, t - 2 * DAY_MS, t + 1, (a, _b, offset) => {
    previous = current;
    current = offset;
    currentStart = a;
  });
  const jump = current - previous;
  return jump > 0 && t < currentStart + jump ? t + previous : null;
}

/** The end of the opening that contains `t` (open at `t`), or null past `limit`. */
function nextClose(c: CompiledSchedule, t: number, limit: number): Date | null {
  let window = DAY_MS;
  for (let from = t; from < limit;) {
    const to = Math.min(from + window, limit);
    const flat = openFlat(c, from, to);
    if (flat.length === 0 || (flat[0] as number) > from) return new Date(from);
    if ((flat[1] as number) < to) return new Date(flat[1] as number);
    from = to;
    window = Math.min(window * 2, MAX_WINDOW_MS);
  }
  return null;
}
