import fc from 'fast-check';
import { EARLIEST_INSTANT, LATEST_INSTANT } from '../schemas/instant.ts';

export const EARLIEST_MS = Date.parse(EARLIEST_INSTANT);
export const LATEST_MS = Date.parse(LATEST_INSTANT);
const DAY_MS = 86_400_000;
/** RFC 3339 allows offsets up to ±23:59. */
const MAX_OFFSET_MINUTES = 23 * 60 + 59;

/** `ms` written as RFC 3339 in the given offset (minutes east of UTC; `Z` for 0 unless `z` is false). */
export function rfc3339(ms: number, offsetMinutes: number, z = true): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, -1);
  if (offsetMinutes === 0 && z) return `${local}Z`;
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${offsetMinutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

const anyOffset = fc.oneof(
  fc.constant(0),
  fc.integer({ min: -MAX_OFFSET_MINUTES, max: MAX_OFFSET_MINUTES }),
);

/** Instants (ms) the API accepts, a third of them within 40 days of either end. */
export function acceptedInstantMs(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: EARLIEST_MS, max: LATEST_MS }),
    fc.integer({ min: EARLIEST_MS, max: EARLIEST_MS + 40 * DAY_MS }),
    fc.integer({ min: LATEST_MS - 40 * DAY_MS, max: LATEST_MS }),
    fc.constantFrom(EARLIEST_MS, LATEST_MS),
  );
}

/** Texts of instants the API accepts, in any offset. */
export function acceptedInstant(): fc.Arbitrary<string> {
  return fc
    .tuple(acceptedInstantMs(), anyOffset, fc.boolean())
    .map(([ms, offset, z]) => rfc3339(ms, offset, z));
}

/**
 * Texts the API must refuse with a 400: well-formed instants outside the range (from
 * year 0001 to 9999), leap seconds, dates that do not exist, and arbitrary strings.
 */
export function refusedInstant(): fc.Arbitrary<string> {
  const outside = fc.oneof(
    fc.integer({ min: Date.parse('0001-01-02T00:00:00Z'), max: EARLIEST_MS - 1 }),
    fc.integer({ min: LATEST_MS + 1, max: Date.parse('9999-12-30T23:59:59Z') }),
    fc.integer({ min: EARLIEST_MS - DAY_MS, max: EARLIEST_MS - 1 }),
    fc.integer({ min: LATEST_MS + 1, max: LATEST_MS + DAY_MS }),
  );
  return fc.oneof(
    fc.tuple(outside, anyOffset).map(([ms, offset]) => rfc3339(ms, offset)),
    fc.constantFrom(
      '9999-12-31T23:59:59Z',
      '3000-01-01T10:00:00Z',
      '2026-12-31T23:59:60Z',
      '2026-02-29T10:00:00Z',
      '2026-12-07T10:00:00',
      '0000-01-01T00:00:00Z',
    ),
    fc.string({ maxLength: 40 }),
  );
}
