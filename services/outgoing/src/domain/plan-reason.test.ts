import { parseSchedule } from '@screenmagic/hours-window';
import { describe, expect, it } from 'vitest';
import { businessCalendar, schedules } from '../../test/support/calendars.ts';
import { decideDelivery } from './delivery-decision.ts';
import { planReason, rescheduleReason } from './plan-reason.ts';

const calendar = businessCalendar;
const reasonFor = (customer: typeof schedules.kolkata, at: string, now = at) => {
  const when = new Date(at);
  const decision = decideDelivery([calendar, customer], when, new Date(now));
  return planReason({ calendar, customer }, when, new Date(now), decision);
};

describe('planReason', () => {
  it('says IN_WINDOW for a recipient sent at once', () => {
    expect(reasonFor(schedules.london, '2026-11-30T10:00:00.000Z').reason).toBe('IN_WINDOW');
  });

  it('says SEND_AT_LATER for a later sendAt inside the window', () => {
    expect(
      reasonFor(schedules.london, '2026-11-30T10:00:00.000Z', '2026-11-30T09:30:00.000Z').reason,
    ).toBe('SEND_AT_LATER');
  });

  it('names the business side first: before opening is OUTSIDE_BUSINESS_HOURS', () => {
    expect(reasonFor(schedules.london, '2026-11-30T07:00:00.000Z').reason).toBe(
      'OUTSIDE_BUSINESS_HOURS',
    );
  });

  it('says BUSINESS_CLOSED_DAY on a weekend', () => {
    expect(reasonFor(schedules.london, '2026-12-05T10:00:00.000Z').reason).toBe(
      'BUSINESS_CLOSED_DAY',
    );
  });

  it('says BUSINESS_CLOSURE with the closure on a closed date', () => {
    const why = reasonFor(schedules.london, '2026-12-25T10:00:00.000Z');
    expect(why.reason).toBe('BUSINESS_CLOSURE');
    expect(why.detail).toContain('2026-12-25');
  });

  it("says OUTSIDE_CUSTOMER_HOURS when only the customer's side is closed", () => {
    // 10:00Z Monday: London open, New York 05:00 closed.
    expect(reasonFor(schedules.newYork, '2026-11-30T10:00:00.000Z').reason).toBe(
      'OUTSIDE_CUSTOMER_HOURS',
    );
  });

  it("says CUSTOMER_CLOSURE on the customer's own vacation", () => {
    const onLeave = parseSchedule({
      timeZone: 'Europe/London',
      start: '00:00',
      end: '24:00',
      closures: [{ from: '2026-11-30', to: '2026-12-01', name: 'Vacation' }],
    });
    expect(reasonFor(onLeave, '2026-11-30T10:00:00.000Z')).toEqual({
      reason: 'CUSTOMER_CLOSURE',
      detail: 'Vacation',
    });
  });

  it('says NO_OVERLAP for an unreachable recipient', () => {
    expect(reasonFor(schedules.tokyo, '2026-11-30T10:00:00.000Z').reason).toBe('NO_OVERLAP');
  });
});

describe('rescheduleReason', () => {
  const base = { calendar, customer: schedules.london, previousAttempts: 0 };

  it('says LATE_DISPATCH when the window was open when the message was due', () => {
    const why = rescheduleReason({
      ...base,
      dueAt: new Date('2026-11-30T17:00:00.000Z'),
      now: new Date('2026-11-30T19:00:00.000Z'),
    });
    expect(why.reason).toBe('LATE_DISPATCH');
    expect(why.detail).toBe('due 2026-11-30T17:00:00.000Z');
  });

  it("says HOURS_CHANGED when the customer's current hours do not cover the due time", () => {
    expect(
      rescheduleReason({
        ...base,
        customer: schedules.newYork,
        dueAt: new Date('2026-11-30T10:00:00.000Z'),
        now: new Date('2026-11-30T10:00:00.000Z'),
      }).reason,
    ).toBe('HOURS_CHANGED');
  });

  it('says CALENDAR_CHANGED when the business is closed at the due time', () => {
    expect(
      rescheduleReason({
        ...base,
        dueAt: new Date('2026-12-25T10:00:00.000Z'),
        now: new Date('2026-12-25T10:00:00.000Z'),
      }).reason,
    ).toBe('CALENDAR_CHANGED');
  });

  it('explains a retry whose back-off ran past the window by the side closed now', () => {
    expect(
      rescheduleReason({
        ...base,
        previousAttempts: 2,
        dueAt: new Date('2026-11-30T18:30:00.000Z'),
        now: new Date('2026-11-30T18:30:00.000Z'),
      }),
    ).toEqual({ reason: 'OUTSIDE_BUSINESS_HOURS', detail: 'retry after a failed delivery' });
  });
});
