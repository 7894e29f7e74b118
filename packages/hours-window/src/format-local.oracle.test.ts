import { formatInTimeZone, getTimezoneOffset } from 'date-fns-tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLocal } from './format-local.ts';

const zones = [
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'America/St_Johns',
  'Africa/Casablanca',
  'Europe/Dublin',
  'Asia/Kolkata',
];

/**
 * date-fns-tz is an independent reading of the same zone data: its `formatInTimeZone`
 * must agree with ours everywhere. (Its `getTimezoneOffset` is not used anywhere: see
 * the second test for why.)
 */
describe('formatLocal against date-fns-tz', () => {
  it('agrees with formatInTimeZone at random instants in zones with odd offsets and DST', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 }),
        (zone, seconds) => {
          const at = new Date(seconds * 1000);
          expect(formatLocal(at, zone)).toBe(
            formatInTimeZone(at, zone, "yyyy-MM-dd'T'HH:mm:ssxxx"),
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('does not use getTimezoneOffset: it misreads the hour before a DST change (decisions.md)', () => {
    // 05:30Z on 1 Nov 2026 is 01:30 EDT (-04:00), the first of the two 01:30s.
    const firstOneThirty = new Date('2026-11-01T05:30:00Z');
    expect(formatLocal(firstOneThirty, 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
    expect(getTimezoneOffset('America/New_York', firstOneThirty) / 3_600_000).toBe(-5);
  });
});
