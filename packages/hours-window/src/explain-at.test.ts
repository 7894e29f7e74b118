import { describe, expect, it } from 'vitest';
import { explainAt } from './explain-at.ts';
import { isOpen } from './is-open.ts';
import { parseSchedule } from './parse-schedule.ts';
import { at } from './testing/helpers.ts';
import type { Explanation } from './types.ts';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
const london = (extra: object = {}) =>
  parseSchedule({
    timeZone: 'Europe/London',
    start: '09:00',
    end: '17:30',
    days: weekdays,
    ...extra,
  });

/** The explanation with nextChange as an ISO string, for exact comparison. */
function explained(e: Explanation): Record<string, unknown> {
  return { ...e, nextChange: e.nextChange?.toISOString() ?? null };
}

describe('explainAt', () => {
  it('a weekend is a closed day for the business and outside the hours of a customer', () => {
    const s = london();
    expect(explained(explainAt(s, at('2026-12-05T12:00:00Z')))).toEqual({
      open: false,
      reason: 'BUSINESS_CLOSED_DAY',
      cause: 'closed-weekday',
      localTime: '2026-12-05T12:00:00+00:00',
      localDate: '2026-12-05',
      nextChange: '2026-12-07T09:00:00.000Z',
    });
    expect(explainAt(s, at('2026-12-05T12:00:00Z'), { side: 'customer' }).reason).toBe(
      'OUTSIDE_CUSTOMER_HOURS',
    );
  });

  it('Boxing Day (GB) is a named closure, on a Saturday too, and its substitute Monday as well', () => {
    const s = london({ holidays: { country: 'GB' } });
    expect(explained(explainAt(s, at('2026-12-26T10:00:00Z')))).toEqual({
      open: false,
      reason: 'BUSINESS_CLOSURE',
      cause: 'holiday',
      closure: 'Boxing Day',
      localTime: '2026-12-26T10:00:00+00:00',
      localDate: '2026-12-26',
      nextChange: '2026-12-29T09:00:00.000Z',
    });
    const monday = explainAt(s, at('2026-12-28T10:00:00Z'), { side: 'customer' });
    expect(monday.reason).toBe('CUSTOMER_CLOSURE');
    expect(monday.closure).toBe('Boxing Day (substitute day)');
  });

  it('Maharashtra Day (IN-MH) closes a Kolkata business, named, with the local wall time', () => {
    const s = parseSchedule({
      timeZone: 'Asia/Kolkata',
      start: '09:00',
      end: '18:00',
      days: [...weekdays, 'sat'],
      holidays: { country: 'IN', region: 'MH' },
    });
    expect(explained(explainAt(s, at('2026-05-01T05:00:00Z')))).toEqual({
      open: false,
      reason: 'BUSINESS_CLOSURE',
      cause: 'holiday',
      closure: 'Maharashtra Day',
      localTime: '2026-05-01T10:30:00+05:30',
      localDate: '2026-05-01',
      nextChange: '2026-05-02T03:30:00.000Z',
    });
  });

  it('a named closure range gives its name; an unnamed one its dates', () => {
    const named = london({
      closures: [{ from: '2026-12-24', to: '2027-01-01', name: 'Winter break' }],
    });
    const e = explainAt(named, at('2026-12-30T10:00:00Z'));
    expect([e.reason, e.cause, e.closure, e.nextChange?.toISOString()]).toEqual([
      'BUSINESS_CLOSURE',
      'closure',
      'Winter break',
      '2027-01-04T09:00:00.000Z',
    ]);
    const unnamed = london({ closures: [{ from: '2026-12-24', to: '2027-01-01' }, '2027-01-04'] });
    expect(explainAt(unnamed, at('2026-12-30T10:00:00Z')).closure).toBe('2026-12-24/2027-01-01');
    expect(explainAt(unnamed, at('2027-01-04T10:00:00Z')).closure).toBe('2027-01-04');
  });

  it('an override short day: open until its end, then outside hours naming the override', () => {
    const s = london({
      closures: ['2026-12-25'],
      overrides: { '2026-12-24': [{ start: '09:00', end: '13:00' }], '2026-12-31': [] },
    });
    expect(explained(explainAt(s, at('2026-12-24T12:59:00Z')))).toEqual({
      open: true,
      reason: 'OPEN',
      cause: 'special-hours',
      localTime: '2026-12-24T12:59:00+00:00',
      localDate: '2026-12-24',
      nextChange: '2026-12-24T13:00:00.000Z',
    });
    expect(explained(explainAt(s, at('2026-12-24T13:00:00Z')))).toEqual({
      open: false,
      reason: 'OUTSIDE_BUSINESS_HOURS',
      cause: 'special-hours',
      closure: '2026-12-24',
      localTime: '2026-12-24T13:00:00+00:00',
      localDate: '2026-12-24',
      nextChange: '2026-12-28T09:00:00.000Z',
    });
    const closed = explainAt(s, at('2026-12-31T10:00:00Z'));
    expect([closed.reason, closed.cause, closed.closure]).toEqual([
      'BUSINESS_CLOSURE',
      'closed-override',
      '2026-12-31',
    ]);
  });

  it('spring forward in America/New_York: a Sunday 02:00–02:45 range is closed by the DST gap', () => {
    const s = parseSchedule({
      timeZone: 'America/New_York',
      start: '02:00',
      end: '02:45',
      days: ['sun'],
    });
    // 07:10Z is 03:10 EDT; without the change it would have been 02:10 EST, inside the range.
    expect(explained(explainAt(s, at('2026-03-08T07:10:00Z')))).toEqual({
      open: false,
      reason: 'OUTSIDE_BUSINESS_HOURS',
      cause: 'dst-gap',
      localTime: '2026-03-08T03:10:00-04:00',
      localDate: '2026-03-08',
      nextChange: '2026-03-15T06:00:00.000Z',
    });
    expect(explainAt(s, at('2026-03-08T07:10:00Z'), { side: 'customer' }).reason).toBe(
      'OUTSIDE_CUSTOMER_HOURS',
    );
    // 07:50Z would have been 02:50 EST: after the range anyway.
    expect(explainAt(s, at('2026-03-08T07:50:00Z')).cause).toBe('outside-hours');
    // The week before, the range happens.
    expect(explainAt(s, at('2026-03-01T07:10:00Z')).open).toBe(true);
  });

  it('outside hours on a working day, for either side', () => {
    const s = london();
    expect(explained(explainAt(s, at('2026-12-07T17:30:00Z')))).toEqual({
      open: false,
      reason: 'OUTSIDE_BUSINESS_HOURS',
      cause: 'outside-hours',
      localTime: '2026-12-07T17:30:00+00:00',
      localDate: '2026-12-07',
      nextChange: '2026-12-08T09:00:00.000Z',
    });
    expect(explainAt(s, at('2026-12-07T08:59:59Z'), { side: 'customer' }).reason).toBe(
      'OUTSIDE_CUSTOMER_HOURS',
    );
  });

  it('an overnight range begun on Friday keeps Saturday open until it ends, then Saturday is closed', () => {
    const s = parseSchedule({ timeZone: 'UTC', start: '22:00', end: '02:00', days: ['fri'] });
    const early = explainAt(s, at('2026-12-05T01:00:00Z'));
    expect([early.open, early.reason, early.cause, early.nextChange?.toISOString()]).toEqual([
      true,
      'OPEN',
      'hours',
      '2026-12-05T02:00:00.000Z',
    ]);
    expect(explainAt(s, at('2026-12-05T02:00:00Z')).reason).toBe('BUSINESS_CLOSED_DAY');
  });

  it('fall back in America/New_York: the repeated hour shows both offsets and stays open through it', () => {
    const s = parseSchedule({ timeZone: 'America/New_York', start: '00:00', end: '03:00' });
    const first = explainAt(s, at('2026-11-01T05:30:00Z'));
    const second = explainAt(s, at('2026-11-01T06:30:00Z'));
    expect([first.localTime, second.localTime]).toEqual([
      '2026-11-01T01:30:00-04:00',
      '2026-11-01T01:30:00-05:00',
    ]);
    expect(first.nextChange?.toISOString()).toBe('2026-11-01T08:00:00.000Z');
  });

  it('agrees with isOpen, and answers null for a change beyond the horizon', () => {
    const always = parseSchedule({ timeZone: 'Asia/Tokyo', start: '00:00', end: '24:00' });
    expect(explainAt(always, at('2026-06-01T00:00:00Z')).nextChange).toBeNull();
    const s = london();
    for (const t of ['2026-12-07T09:00:00Z', '2026-12-07T17:29:59.999Z', '2026-12-06T23:00:00Z']) {
      expect(explainAt(s, at(t)).open).toBe(isOpen(s, at(t)));
    }
    expect(explainAt(s, at('2026-12-05T12:00:00Z'), { horizonDays: 1 }).nextChange).toBeNull();
  });

  it('refuses an unknown side and a bad horizon', () => {
    const s = london();
    const side = { side: 'vendor' } as unknown as { side: 'business' };
    expect(() => explainAt(s, at('2026-12-05T12:00:00Z'), side)).toThrow(RangeError);
    expect(() => explainAt(s, at('2026-12-05T12:00:00Z'), { horizonDays: -1 })).toThrow(RangeError);
  });
});
