import { formatInTimeZone, getTimezoneOffset } from 'date-fns-tz';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * must agree with ours everywhere. Two of its flaws are why it is not used at run time
 * (docs/decisions.md): `getTimezoneOffset` misreads the hour before a DST change (second
 * test), and `formatInTimeZone` builds wall times as Dates in the *process's* zone, so
 * under a process zone with DST it shifts a wall time that falls in that zone's gap
 * (2000-04-02 02:00 in Kolkata, under TZ=America/Los_Angeles, comes out as 03:00). The
 * oracle is therefore consulted with the process in UTC, whatever TZ this run has; our
 * own function has no such dependence (the whole suite runs under three zones).
 */
describe('formatLocal against date-fns-tz', () => {
  const processZone = process.env['TZ'];
  beforeAll(() => {
    process.env['TZ'] = 'UTC';
  });
  afterAll(() => {
    if (processZone === undefined) delete process.env['TZ'];
    else process.env['TZ'] = processZone;
  });

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
    // 2,000 runs took over 7 s on a loaded machine (the default budget is 5 s): a generous
    // budget, so the result depends on the formatting, not on the machine's speed.
  }, 60_000);

  it('has a process-zone dependence we do not: the oracle shifts a wall time in the process zone’s gap', () => {
    const kolkataTwoAm = new Date('2000-04-01T20:30:00Z'); // 02:00 in Kolkata; LA's gap that night
    process.env['TZ'] = 'America/Los_Angeles';
    try {
      expect(formatInTimeZone(kolkataTwoAm, 'Asia/Kolkata', 'HH:mm')).toBe('03:00');
    } finally {
      process.env['TZ'] = 'UTC';
    }
    expect(formatLocal(kolkataTwoAm, 'Asia/Kolkata')).toBe('2000-04-02T02:00:00+05:30');
    expect(formatInTimeZone(kolkataTwoAm, 'Asia/Kolkata', 'HH:mm')).toBe('02:00');
  });

  it('does not use getTimezoneOffset: it misreads the hour before a DST change (decisions.md)', () => {
    // 05:30Z on 1 Nov 2026 is 01:30 EDT (-04:00), the first of the two 01:30s.
    const firstOneThirty = new Date('2026-11-01T05:30:00Z');
    expect(formatLocal(firstOneThirty, 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
    expect(getTimezoneOffset('America/New_York', firstOneThirty) / 3_600_000).toBe(-5);
  });
});
