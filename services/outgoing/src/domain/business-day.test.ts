import { describe, expect, it } from 'vitest';
import { businessCalendar } from '../../test/support/calendars.ts';
import { checkBusinessDay } from './business-day.ts';

const check = (iso: string) => {
  const result = checkBusinessDay(businessCalendar, new Date(iso));
  return result.closed
    ? { closed: true, nextOpening: result.nextOpening?.toISOString() }
    : { closed: false };
};

describe('checkBusinessDay', () => {
  it('finds a Saturday closed and names Monday 09:00 as the next opening', () => {
    expect(check('2026-12-05T10:00:00.000Z')).toEqual({
      closed: true,
      nextOpening: '2026-12-07T09:00:00.000Z',
    });
  });

  it('finds a holiday closed and skips the following closures', () => {
    expect(check('2026-12-25T10:00:00.000Z')).toEqual({
      closed: true,
      nextOpening: '2026-12-29T09:00:00.000Z',
    });
  });

  it('does not count a working day outside hours as closed', () => {
    expect(check('2026-11-30T20:00:00.000Z')).toEqual({ closed: false });
    expect(check('2026-11-30T07:00:00.000Z')).toEqual({ closed: false });
  });
});
