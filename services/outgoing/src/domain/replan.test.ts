import { parseSchedule } from '@screenmagic/hours-window';
import { describe, expect, it } from 'vitest';
import {
  BUSINESS_CALENDAR_INPUT,
  businessCalendar,
  schedules,
} from '../../test/support/calendars.ts';
import { replanMessage } from './replan.ts';

const friday = new Date('2026-12-04T12:00:00Z');
const monday9 = new Date('2026-12-07T09:00:00Z');
const tuesday9 = new Date('2026-12-08T09:00:00Z');
const mondayHoliday = parseSchedule({
  ...BUSINESS_CALENDAR_INPUT,
  closures: [...BUSINESS_CALENDAR_INPUT.closures, { from: '2026-12-07', name: 'Founders Day' }],
});
const queued = {
  status: 'scheduled' as const,
  scheduledFor: monday9,
  expiresAt: null,
  notBefore: new Date('2026-12-04T19:00:00Z'),
};

describe('replanMessage', () => {
  it('moves a message off a day that became a holiday to the next opening', () => {
    expect(replanMessage(queued, [mondayHoliday, schedules.london], friday)).toEqual({
      action: 'schedule',
      scheduledFor: tuesday9,
      dueAt: tuesday9,
    });
  });

  it('keeps a message whose plan did not change', () => {
    expect(replanMessage(queued, [businessCalendar, schedules.london], friday)).toEqual({
      action: 'keep',
    });
  });

  it('brings a message forward when the window opens earlier, but never before its send time', () => {
    const saturdayOpen = parseSchedule({ timeZone: 'Europe/London', start: '09:00', end: '18:00' });
    const plan = replanMessage(
      { ...queued, notBefore: new Date('2026-12-05T10:00:00Z') },
      [saturdayOpen, schedules.london],
      friday,
    );
    expect(plan).toEqual({
      action: 'schedule',
      scheduledFor: new Date('2026-12-05T10:00:00Z'),
      dueAt: new Date('2026-12-05T10:00:00Z'),
    });
  });

  it('makes a message unreachable when no window opens within 28 days, and scheduled again when one does', () => {
    const fiveWeeks = parseSchedule({
      ...BUSINESS_CALENDAR_INPUT,
      closures: [{ from: '2026-12-05', to: '2027-01-10', name: 'Long closure' }],
    });
    expect(replanMessage(queued, [fiveWeeks, schedules.london], friday)).toEqual({
      action: 'unreachable',
    });
    const unreachable = { ...queued, status: 'unreachable' as const, scheduledFor: null };
    expect(replanMessage(unreachable, [fiveWeeks, schedules.london], friday)).toEqual({
      action: 'keep',
    });
    expect(replanMessage(unreachable, [businessCalendar, schedules.london], friday)).toEqual({
      action: 'schedule',
      scheduledFor: monday9,
      dueAt: monday9,
    });
  });

  it('is due at its expiry when that comes before the new time, and leaves an expired message alone', () => {
    const expiresAt = new Date('2026-12-07T20:00:00Z');
    expect(
      replanMessage({ ...queued, expiresAt }, [mondayHoliday, schedules.london], friday),
    ).toEqual({
      action: 'schedule',
      scheduledFor: tuesday9,
      dueAt: expiresAt,
    });
    expect(
      replanMessage({ ...queued, expiresAt: friday }, [mondayHoliday, schedules.london], friday),
    ).toEqual({ action: 'keep' });
  });
});
