import { parseSchedule } from '@screenmagic/hours-window';
import { describe, expect, it } from 'vitest';
import { businessCalendar } from '../../test/support/calendars.ts';
import { checkBusinessDay } from './business-day.ts';

const check = (iso: string, calendar = businessCalendar) => {
  const result = checkBusinessDay(calendar, new Date(iso));
  return result.closed
    ? { closed: true, nextOpening: result.nextOpening?.toISOString(), closure: result.closure }
    : { closed: false };
};

describe('checkBusinessDay', () => {
  it('finds a Saturday closed and names Monday 09:00 as the next opening', () => {
    expect(check('2026-12-05T10:00:00.000Z')).toEqual({
      closed: true,
      nextOpening: '2026-12-07T09:00:00.000Z',
      closure: null,
    });
  });

  it('finds an unnamed closure closed, names nothing, and skips the following closures', () => {
    expect(check('2026-12-25T10:00:00.000Z')).toEqual({
      closed: true,
      nextOpening: '2026-12-29T09:00:00.000Z',
      closure: null,
    });
  });

  it("names the public holiday or named closure that closes the day, in the business's zone", () => {
    const kolkata = parseSchedule({
      timeZone: 'Asia/Kolkata',
      start: '09:00',
      end: '18:00',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      holidays: { country: 'GB' },
      closures: [{ from: '2026-12-30', to: '2026-12-31', name: 'Winter break' }],
    });
    // 20:00Z on the 24th is already the 25th in Kolkata.
    expect(check('2026-12-24T20:00:00.000Z', kolkata)).toMatchObject({
      closed: true,
      closure: 'Christmas Day',
    });
    expect(check('2026-12-31T10:00:00.000Z', kolkata)).toMatchObject({
      closed: true,
      closure: 'Winter break',
    });
  });

  it('does not count a working day outside hours as closed', () => {
    expect(check('2026-11-30T20:00:00.000Z')).toEqual({ closed: false });
    expect(check('2026-11-30T07:00:00.000Z')).toEqual({ closed: false });
  });
});
