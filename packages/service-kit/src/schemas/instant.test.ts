import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARLIEST_MS, LATEST_MS, rfc3339 } from '../testing/instants.ts';
import { EARLIEST_INSTANT, instantProblem, LATEST_INSTANT } from './instant.ts';

describe('instantProblem', () => {
  it('accepts both ends of the range and refuses one millisecond beyond them', () => {
    expect(instantProblem(EARLIEST_INSTANT)).toBeNull();
    expect(instantProblem(LATEST_INSTANT)).toBeNull();
    expect(instantProblem('2000-01-01T05:29:59.999+05:30')).toMatch(/^is out of range/);
    expect(instantProblem('1999-12-31T23:59:59.999Z')).toBe(
      'is out of range: must be from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z',
    );
    expect(instantProblem('2100-01-01T00:00:00Z')).toMatch(/^is out of range/);
    expect(instantProblem('2099-12-31T23:59:59-00:01')).toMatch(/^is out of range/);
    expect(instantProblem('9999-12-31T23:59:59Z')).toMatch(/^is out of range/);
  });

  it('refuses what is not an instant: no offset, impossible dates and times, leap seconds', () => {
    for (const text of [
      '2026-12-07T10:00:00',
      '2026-12-07',
      '2026-02-29T10:00:00Z',
      '2026-04-31T10:00:00Z',
      '2026-12-07T24:00:00Z',
      '2026-12-07T10:00:00+24:00',
      '2026-12-07T10:00Z',
      '+002026-12-07T10:00:00Z',
      ' 2026-12-07T10:00:00Z',
    ]) {
      expect(instantProblem(text), text).toMatch(/^is not an RFC 3339 instant/);
    }
    expect(instantProblem('2026-12-31T23:59:60Z')).toMatch(/^is a leap second/);
    expect(instantProblem('2024-02-29T10:00:00Z')).toBeNull();
  });

  it('accepts every instant of the range in any offset, and Date reads it as the same instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: EARLIEST_MS, max: LATEST_MS }),
        fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        fc.boolean(),
        (ms, offset, z) => {
          const text = rfc3339(ms, offset, z);
          expect(instantProblem(text)).toBeNull();
          expect(new Date(text).getTime()).toBe(ms);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('refuses every instant outside the range, in any offset', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: Date.parse('0001-01-02T00:00:00Z'), max: EARLIEST_MS - 1 }),
          fc.integer({ min: LATEST_MS + 1, max: Date.parse('9999-12-30T00:00:00Z') }),
        ),
        fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        (ms, offset) => {
          expect(instantProblem(rfc3339(ms, offset, true))).toMatch(/^is out of range/);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
