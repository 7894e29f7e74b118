import { describe, expect, it } from 'vitest';
import { isOpen } from './is-open.ts';
import { openIntervals } from './open-intervals.ts';
import { parseSchedule } from './parse-schedule.ts';
import { at, iso } from './testing/helpers.ts';

const sunday = (zone: string, start: string, end: string) =>
  parseSchedule({ timeZone: zone, start, end, days: ['sun'] });

describe('openIntervals', () => {
  it('an overnight 21:00–02:00 range covers the evening and the early hours of the next local date', () => {
    const s = parseSchedule({
      timeZone: 'Asia/Kolkata',
      weekly: { mon: [{ start: '21:00', end: '02:00' }] },
    });
    // Monday 30 Nov 00:00 → Wednesday 2 Dec 00:00, Kolkata (+05:30)
    expect(iso(openIntervals(s, at('2026-11-29T18:30:00Z'), at('2026-12-01T18:30:00Z')))).toEqual([
      ['2026-11-30T15:30:00.000Z', '2026-11-30T20:30:00.000Z'],
    ]);
    expect(isOpen(s, at('2026-11-30T15:29:59.999Z'))).toBe(false); // Mon 20:59:59.999
    expect(isOpen(s, at('2026-11-30T15:30:00Z'))).toBe(true); // Mon 21:00
    expect(isOpen(s, at('2026-11-30T20:29:59.999Z'))).toBe(true); // Tue 01:59:59.999
    expect(isOpen(s, at('2026-11-30T20:30:00Z'))).toBe(false); // Tue 02:00
  });

  it('a lunch gap (09:00–13:00 + 14:00–18:00) gives two intervals, closed 13:00–14:00', () => {
    const s = parseSchedule({
      timeZone: 'Asia/Kolkata',
      weekly: {
        mon: [
          { start: '14:00', end: '18:00' },
          { start: '09:00', end: '13:00' },
        ],
      },
    });
    expect(iso(openIntervals(s, at('2026-11-29T18:30:00Z'), at('2026-11-30T18:30:00Z')))).toEqual([
      ['2026-11-30T03:30:00.000Z', '2026-11-30T07:30:00.000Z'],
      ['2026-11-30T08:30:00.000Z', '2026-11-30T12:30:00.000Z'],
    ]);
    expect(isOpen(s, at('2026-11-30T07:30:00Z'))).toBe(false); // 13:00
    expect(isOpen(s, at('2026-11-30T08:29:00Z'))).toBe(false); // 13:59
    expect(isOpen(s, at('2026-11-30T08:30:00Z'))).toBe(true); // 14:00
  });

  it('24/7 written 00:00–24:00 is one interval with no minute missing at midnight, across a DST change', () => {
    const s = parseSchedule({ timeZone: 'Europe/London', start: '00:00', end: '24:00' });
    const from = at('2026-03-25T00:00:00.000Z');
    const to = at('2026-04-01T12:34:56.789Z');
    expect(iso(openIntervals(s, from, to))).toEqual([[from.toISOString(), to.toISOString()]]);
    for (const midnight of [
      '2026-03-28T00:00:00Z',
      '2026-03-29T00:00:00Z',
      '2026-03-29T23:00:00Z',
    ]) {
      expect(isOpen(s, at(midnight))).toBe(true);
      expect(isOpen(s, new Date(at(midnight).getTime() - 1))).toBe(true);
    }
  });

  it('spring forward in America/New_York: 02:30 does not exist, so 02:00–03:00 covers nothing', () => {
    // 2026-03-08 02:00 EST → 03:00 EDT at 07:00Z
    const day: [Date, Date] = [at('2026-03-08T05:00:00Z'), at('2026-03-09T04:00:00Z')];
    expect(openIntervals(sunday('America/New_York', '02:00', '03:00'), ...day)).toEqual([]);
    expect(iso(openIntervals(sunday('America/New_York', '01:00', '03:00'), ...day))).toEqual([
      ['2026-03-08T06:00:00.000Z', '2026-03-08T07:00:00.000Z'],
    ]);
    const from0230 = sunday('America/New_York', '02:30', '04:00');
    expect(iso(openIntervals(from0230, ...day))).toEqual([
      ['2026-03-08T07:00:00.000Z', '2026-03-08T08:00:00.000Z'],
    ]);
    expect(isOpen(from0230, at('2026-03-08T06:59:59Z'))).toBe(false); // 01:59:59 EST
    expect(isOpen(from0230, at('2026-03-08T07:00:00Z'))).toBe(true); // 03:00 EDT
  });

  it('spring forward in Europe/London: 01:30 does not exist, so 01:00–02:00 covers nothing', () => {
    // 2026-03-29 01:00 GMT → 02:00 BST at 01:00Z
    const day: [Date, Date] = [at('2026-03-29T00:00:00Z'), at('2026-03-29T23:00:00Z')];
    expect(openIntervals(sunday('Europe/London', '01:00', '02:00'), ...day)).toEqual([]);
    expect(iso(openIntervals(sunday('Europe/London', '00:30', '01:30'), ...day))).toEqual([
      ['2026-03-29T00:30:00.000Z', '2026-03-29T01:00:00.000Z'],
    ]);
    expect(iso(openIntervals(sunday('Europe/London', '00:00', '24:00'), ...day))).toEqual([
      ['2026-03-29T00:00:00.000Z', '2026-03-29T23:00:00.000Z'],
    ]);
  });

  it('fall back in America/New_York: 01:30 happens twice and is covered both times', () => {
    // 2026-11-01 02:00 EDT → 01:00 EST at 06:00Z
    const day: [Date, Date] = [at('2026-11-01T04:00:00Z'), at('2026-11-02T05:00:00Z')];
    const oneToTwo = sunday('America/New_York', '01:00', '02:00');
    expect(iso(openIntervals(oneToTwo, ...day))).toEqual([
      ['2026-11-01T05:00:00.000Z', '2026-11-01T07:00:00.000Z'],
    ]);
    expect(isOpen(oneToTwo, at('2026-11-01T05:30:00Z'))).toBe(true); // 01:30 EDT
    expect(isOpen(oneToTwo, at('2026-11-01T06:30:00Z'))).toBe(true); // 01:30 EST
    expect(iso(openIntervals(sunday('America/New_York', '01:15', '01:45'), ...day))).toEqual([
      ['2026-11-01T05:15:00.000Z', '2026-11-01T05:45:00.000Z'],
      ['2026-11-01T06:15:00.000Z', '2026-11-01T06:45:00.000Z'],
    ]);
  });

  it('a window starting 13:00 or later on a DST-change day uses the offset in force at 13:00', () => {
    const nyFrom = at('2026-03-08T05:00:00Z');
    const nyTo = at('2026-03-09T04:00:00Z');
    expect(iso(openIntervals(sunday('America/New_York', '13:00', '17:00'), nyFrom, nyTo))).toEqual([
      ['2026-03-08T17:00:00.000Z', '2026-03-08T21:00:00.000Z'],
    ]);
    expect(
      iso(
        openIntervals(
          sunday('Europe/London', '13:00', '17:00'),
          at('2026-10-25T00:00Z'),
          at('2026-10-26T00:00Z'),
        ),
      ),
    ).toEqual([['2026-10-25T13:00:00.000Z', '2026-10-25T17:00:00.000Z']]);
    // NZ DST starts Sunday 27 Sep 02:00 NZST (14:00Z Saturday): 13:00 is NZDT, +13
    expect(
      iso(
        openIntervals(
          sunday('Pacific/Auckland', '13:00', '17:00'),
          at('2026-09-26T12:00Z'),
          at('2026-09-27T11:00Z'),
        ),
      ),
    ).toEqual([['2026-09-27T00:00:00.000Z', '2026-09-27T04:00:00.000Z']]);
  });

  it('a DST change late in the evening (America/Nuuk, Saturday 23:00 → Sunday 00:00) cuts 21:00–24:00 to two hours', () => {
    const s = parseSchedule({
      timeZone: 'America/Nuuk',
      weekly: { sat: [{ start: '21:00', end: '24:00' }], sun: [{ start: '00:00', end: '01:00' }] },
    });
    expect(iso(openIntervals(s, at('2026-03-28T12:00Z'), at('2026-03-29T12:00Z')))).toEqual([
      ['2026-03-28T23:00:00.000Z', '2026-03-29T02:00:00.000Z'],
    ]);
  });

  it("Australia/Lord_Howe's 30-minute DST: 01:30–02:00 happens twice in April, 02:00–02:30 never in October", () => {
    // 5 Apr 2026 02:00 (+11) → 01:30 (+10:30) at 15:00Z on the 4th
    expect(
      iso(
        openIntervals(
          sunday('Australia/Lord_Howe', '01:30', '02:00'),
          at('2026-04-04T12:00Z'),
          at('2026-04-05T12:00Z'),
        ),
      ),
    ).toEqual([['2026-04-04T14:30:00.000Z', '2026-04-04T15:30:00.000Z']]);
    // 4 Oct 2026 02:00 (+10:30) → 02:30 (+11) at 15:30Z on the 3rd
    const october: [Date, Date] = [at('2026-10-03T12:00Z'), at('2026-10-04T12:00Z')];
    expect(openIntervals(sunday('Australia/Lord_Howe', '02:00', '02:30'), ...october)).toEqual([]);
    expect(iso(openIntervals(sunday('Australia/Lord_Howe', '01:00', '03:00'), ...october))).toEqual(
      [['2026-10-03T14:30:00.000Z', '2026-10-03T16:00:00.000Z']],
    );
  });

  it('Asia/Kathmandu (+05:45): 09:00–17:00 is 03:15Z–11:15Z', () => {
    const s = parseSchedule({
      timeZone: 'Asia/Kathmandu',
      start: '09:00',
      end: '17:00',
      days: ['mon'],
    });
    expect(iso(openIntervals(s, at('2026-12-06T00:00Z'), at('2026-12-08T00:00Z')))).toEqual([
      ['2026-12-07T03:15:00.000Z', '2026-12-07T11:15:00.000Z'],
    ]);
  });

  it('a local date that never happened (Pacific/Apia skipped Friday 30 December 2011) has no hours', () => {
    const s = parseSchedule({ timeZone: 'Pacific/Apia', start: '09:00', end: '17:00' });
    expect(iso(openIntervals(s, at('2011-12-29T12:00Z'), at('2011-12-31T12:00Z')))).toEqual([
      ['2011-12-29T19:00:00.000Z', '2011-12-30T03:00:00.000Z'], // Thursday 29th, -10
      ['2011-12-30T19:00:00.000Z', '2011-12-31T03:00:00.000Z'], // Saturday 31st, +14
    ]);
  });

  it('overlapping ranges merge: within a day, and an overnight range with the next morning', () => {
    const s = parseSchedule({
      timeZone: 'UTC',
      weekly: {
        mon: [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '14:00' },
          { start: '14:00', end: '15:00' },
        ],
        tue: [{ start: '22:00', end: '06:00' }],
        wed: [{ start: '05:00', end: '09:00' }],
      },
    });
    expect(iso(openIntervals(s, at('2026-12-07T00:00Z'), at('2026-12-10T00:00Z')))).toEqual([
      ['2026-12-07T09:00:00.000Z', '2026-12-07T15:00:00.000Z'],
      ['2026-12-08T22:00:00.000Z', '2026-12-09T09:00:00.000Z'],
    ]);
  });

  it('an overnight range on a closure date is removed; one begun the evening before is not', () => {
    const s = parseSchedule({
      timeZone: 'Europe/London',
      start: '21:00',
      end: '02:00',
      closures: ['2026-12-04'],
    });
    expect(iso(openIntervals(s, at('2026-12-03T12:00Z'), at('2026-12-06T00:00Z')))).toEqual([
      ['2026-12-03T21:00:00.000Z', '2026-12-04T02:00:00.000Z'], // Thursday's, into the closure date
      ['2026-12-05T21:00:00.000Z', '2026-12-06T00:00:00.000Z'], // Saturday's, clipped
    ]);
  });

  it('clips to [from, to), keeping milliseconds, and gives nothing for an empty window', () => {
    const s = parseSchedule({ timeZone: 'UTC', start: '09:00', end: '17:00' });
    expect(
      iso(openIntervals(s, at('2026-12-07T10:00:00.250Z'), at('2026-12-08T09:30:00.500Z'))),
    ).toEqual([
      ['2026-12-07T10:00:00.250Z', '2026-12-07T17:00:00.000Z'],
      ['2026-12-08T09:00:00.000Z', '2026-12-08T09:30:00.500Z'],
    ]);
    expect(openIntervals(s, at('2026-12-08T00:00Z'), at('2026-12-07T00:00Z'))).toEqual([]);
    expect(openIntervals(s, at('2026-12-07T10:00Z'), at('2026-12-07T10:00Z'))).toEqual([]);
  });

  it('refuses invalid dates', () => {
    const s = parseSchedule({ timeZone: 'UTC', start: '09:00', end: '17:00' });
    expect(() => openIntervals(s, new Date(Number.NaN), at('2026-12-07T00:00Z'))).toThrow(
      RangeError,
    );
  });
});
