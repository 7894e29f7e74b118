import { resolveZone } from './internal/zone-offsets.ts';

/**
 * Whether `timeZone` is an IANA time zone name this library accepts: any name
 * `Intl.DateTimeFormat` knows (`Asia/Kolkata`, `UTC`, `Etc/GMT+5`, links such as
 * `Asia/Calcutta`; case-insensitive, as Intl is), but never a raw UTC offset (`+05:30`,
 * which V8 accepts) nor the empty string.
 *
 * @example
 * isValidTimeZone('Asia/Kathmandu') // => true
 * isValidTimeZone('+05:30')         // => false
 * isValidTimeZone('Mars/Olympus')   // => false
 */
export function isValidTimeZone(timeZone: string): boolean {
  return resolveZone(timeZone) !== null;
}
