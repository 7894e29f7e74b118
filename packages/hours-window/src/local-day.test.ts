import { describe, expect, it } from 'vitest';
import { localDateOf } from './local-date.ts';
import { offsetChanges, startOfLocalDate } from './local-day.ts';
import { at } from './testing/helpers.ts';

describe('offsetChanges', () => {
  it('lists the DST changes of a week, with the offsets on either side', () => {
    expect(
      offsetChanges('Europe/London', at('2026-03-23T00:00:00Z'), at('2026-03-30T00:00:00Z')),
    ).toEqual([{ at: at('2026-03-29T01:00:00Z'), offsetBefore: '+00:00', offsetAfter: '+01:00' }]);
    expect(
      offsetChanges('America/New_York', at('2026-10-26T00:00:00Z'), at('2026-11-09T00:00:00Z')),
    ).toEqual([{ at: at('2026-11-01T06:00:00Z'), offsetBefore: '-04:00', offsetAfter: '-05:00' }]);
  });

  it('is empty for a zone without DST and for an empty range', () => {
    expect(
      offsetChanges('Asia/Kolkata', at('2026-01-01T00:00:00Z'), at('2026-12-31T00:00:00Z')),
    ).toEqual([]);
    expect(
      offsetChanges('Europe/London', at('2026-03-29T01:00:00Z'), at('2026-03-29T01:00:00Z')),
    ).toEqual([]);
  });

  it('excludes a change at `to` and includes one at `from`', () => {
    const change = at('2026-03-29T01:00:00Z');
    expect(offsetChanges('Europe/London', at('2026-03-28T00:00:00Z'), change)).toEqual([]);
    expect(offsetChanges('Europe/London', change, at('2026-03-30T00:00:00Z'))).toEqual([]);
    expect(
      offsetChanges('Europe/London', at('2026-03-29T00:59:59Z'), at('2026-03-30T00:00:00Z')),
    ).toHaveLength(1);
  });
});

describe('startOfLocalDate', () => {
  it('is local midnight, in every offset', () => {
    expect(startOfLocalDate('2026-12-25', 'Asia/Kolkata')).toEqual(at('2026-12-24T18:30:00Z'));
    expect(startOfLocalDate('2026-12-25', 'Europe/London')).toEqual(at('2026-12-25T00:00:00Z'));
    expect(startOfLocalDate('2026-07-04', 'America/Los_Angeles')).toEqual(
      at('2026-07-04T07:00:00Z'),
    );
    expect(startOfLocalDate('2026-12-25', 'Pacific/Kiritimati')).toEqual(
      at('2026-12-24T10:00:00Z'),
    );
  });

  it('is the end of the gap when the clocks skip midnight', () => {
    // Chile springs forward at 00:00 local on the first Sunday of September 2026.
    const start = startOfLocalDate('2026-09-06', 'America/Santiago');
    expect(start).toEqual(at('2026-09-06T04:00:00Z'));
    expect(localDateOf(start, 'America/Santiago')).toBe('2026-09-06');
    expect(localDateOf(new Date(start.getTime() - 1), 'America/Santiago')).toBe('2026-09-05');
  });

  it('refuses dates that are not real and unknown zones', () => {
    expect(() => startOfLocalDate('2026-02-30', 'UTC')).toThrow(RangeError);
    expect(() => startOfLocalDate('2026-02-01', 'Mars/Olympus')).toThrow(RangeError);
  });
});
