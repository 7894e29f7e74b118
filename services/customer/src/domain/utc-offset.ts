import { formatLocal } from '@screenmagic/hours-window';

/**
 * The UTC offset of `timeZone` at `at`, in minutes east of UTC (`Asia/Kolkata` → 330).
 * Read from the offset `formatLocal` prints, so it agrees with every local time we show.
 *
 * @throws {RangeError} for an unknown zone.
 */
export function utcOffsetMinutes(at: Date, timeZone: string): number {
  const match = /([+-])(\d{2}):(\d{2})(?::\d{2})?$/.exec(formatLocal(at, timeZone));
  if (match === null) throw new RangeError(`no offset in local time for ${timeZone}`);
  const [, sign, hours, minutes] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}
