import { DAY_MS, checkInstant, formatOffset } from './internal/civil.ts';
import { zoneArgument } from './internal/zone-arg.ts';
import { forEachSegment } from './internal/zone-offsets.ts';
import { localDateArgument } from './local-date.ts';

/** A change of a zone's UTC offset (DST starting or ending, or a change of standard time). */
export interface OffsetChange {
  /** The first instant with the new offset. */
  readonly at: Date;
  /** The offsets before and after, as RFC 3339 prints them (`+01:00`). */
  readonly offsetBefore: string;
  readonly offsetAfter: string;
}

/**
 * Every change of `timeZone`'s UTC offset in [from, to), in order.
 *
 * @throws {RangeError} for an unknown zone or an invalid Date.
 * @example
 * offsetChanges('Europe/London', new Date('2026-03-23T00:00Z'), new Date('2026-03-30T00:00Z'))
 * // => [{ at: 2026-03-29T01:00:00.000Z, offsetBefore: '+00:00', offsetAfter: '+01:00' }]
 */
export function offsetChanges(timeZone: string, from: Date, to: Date): OffsetChange[] {
  const zone = zoneArgument(timeZone);
  const out: OffsetChange[] = [];
  let previous: number | undefined;
  forEachSegment(zone, checkInstant(from, 'from'), checkInstant(to, 'to'), (a, _b, offset) => {
    if (previous !== undefined) {
      out.push({
        at: new Date(a),
        offsetBefore: formatOffset(previous),
        offsetAfter: formatOffset(offset),
      });
    }
    previous = offset;
  });
  return out;
}

/**
 * The first instant whose local date in `timeZone` is `localDate` (`YYYY-MM-DD`): local
 * midnight, or the end of the gap when the clocks skip midnight (America/Santiago).
 * `startOfLocalDate` of the next date ends the day.
 *
 * @throws {RangeError} for an unknown zone or a date that is not real.
 * @example
 * startOfLocalDate('2026-12-25', 'Asia/Kolkata') // => 2026-12-24T18:30:00.000Z
 */
export function startOfLocalDate(localDate: string, timeZone: string): Date {
  const zone = zoneArgument(timeZone);
  const day = localDateArgument(localDate);
  const midnight = day * DAY_MS;
  let found: number | undefined;
  // Offsets are within ±14 h (±1 day is ample); the first segment reaching the date wins.
  forEachSegment(zone, midnight - 2 * DAY_MS, midnight + 2 * DAY_MS, (a, b, offset) => {
    if (found !== undefined) return;
    const candidate = Math.max(a, midnight - offset);
    if (candidate < b && candidate + offset < midnight + DAY_MS) found = candidate;
  });
  if (found === undefined) throw new RangeError(`${localDate} never occurs in ${timeZone}`);
  return new Date(found);
}
