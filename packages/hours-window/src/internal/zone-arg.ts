import { resolveZone, type Zone } from './zone-offsets.ts';

/** The zone named by a function argument, or a RangeError (never a fallback to UTC). */
export function zoneArgument(timeZone: string): Zone {
  const zone = resolveZone(timeZone);
  if (zone === null) {
    throw new RangeError(`${JSON.stringify(timeZone)} is not a known IANA time zone`);
  }
  return zone;
}
