import { parseSchedule } from '@screenmagic/hours-window';
import { describe, expect, it } from 'vitest';
import { replanOrder } from './order-replan.ts';

const weekdays = {
  timeZone: 'Europe/London',
  start: '09:00',
  end: '18:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
};
const calendar = parseSchedule(weekdays);
const saturday = new Date('2026-12-05T12:00:00Z');
const monday9 = new Date('2026-12-07T09:00:00Z');

describe('replanOrder', () => {
  it('moves an order promised for a day that became a holiday to the next opening', () => {
    const holiday = parseSchedule({ ...weekdays, closures: ['2026-12-07'] });
    expect(
      replanOrder(
        { placedAt: saturday, processingAt: monday9 },
        holiday,
        new Date('2026-12-05T13:00:00Z'),
      ),
    ).toEqual(new Date('2026-12-08T09:00:00Z'));
  });

  it('answers null when the promise still holds', () => {
    expect(
      replanOrder({ placedAt: saturday, processingAt: monday9 }, calendar, saturday),
    ).toBeNull();
  });

  it('brings the order forward when the business opens earlier (special hours on Sunday)', () => {
    const sunday = parseSchedule({
      ...weekdays,
      overrides: { '2026-12-06': [{ start: '10:00', end: '12:00' }] },
    });
    expect(replanOrder({ placedAt: saturday, processingAt: monday9 }, sunday, saturday)).toEqual(
      new Date('2026-12-06T10:00:00Z'),
    );
  });
});
