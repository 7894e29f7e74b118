import { describe, expect, it } from 'vitest';
import { businessCalendar, schedules } from '../../test/support/calendars.ts';
import { decideDelivery, effectiveSendAt } from './delivery-decision.ts';

const at = (iso: string) => new Date(iso);
const decide = (customer: keyof typeof schedules, sendAt: string, now = sendAt) => {
  const decision = decideDelivery([businessCalendar, schedules[customer]], at(sendAt), at(now));
  return { status: decision.status, scheduledFor: decision.scheduledFor?.toISOString() ?? null };
};

describe('decideDelivery', () => {
  it('sends now to a customer inside their window when sendAt is now', () => {
    expect(decide('kolkata', '2026-11-30T10:00:00.000Z')).toEqual({
      status: 'sending',
      scheduledFor: '2026-11-30T10:00:00.000Z',
    });
  });

  it('schedules a future sendAt inside the window for sendAt itself', () => {
    expect(decide('kolkata', '2026-12-01T10:00:00.000Z', '2026-11-30T10:00:00.000Z')).toEqual({
      status: 'scheduled',
      scheduledFor: '2026-12-01T10:00:00.000Z',
    });
  });

  it('queues a customer outside the window for its opening later today', () => {
    // 08:00 London: the business opens at 09:00 (the customer is already open, 13:30 IST).
    expect(decide('kolkata', '2026-11-30T08:00:00.000Z')).toEqual({
      status: 'scheduled',
      scheduledFor: '2026-11-30T09:00:00.000Z',
    });
  });

  it('queues for the next day when the customer has closed for today', () => {
    // 13:00Z is 18:30 IST: the customer closed at 18:00 IST.
    expect(decide('kolkata', '2026-11-30T13:00:00.000Z')).toEqual({
      status: 'scheduled',
      scheduledFor: '2026-12-01T09:00:00.000Z',
    });
  });

  it('queues a Friday-evening message for Monday morning', () => {
    expect(decide('kolkata', '2026-12-04T13:00:00.000Z')).toEqual({
      status: 'scheduled',
      scheduledFor: '2026-12-07T09:00:00.000Z',
    });
  });

  it('skips the holidays: Christmas Eve evening waits for Tuesday 29 December', () => {
    // Fri 25 (closure), the weekend, Mon 28 (closure).
    expect(decide('kolkata', '2026-12-24T13:00:00.000Z')).toEqual({
      status: 'scheduled',
      scheduledFor: '2026-12-29T09:00:00.000Z',
    });
  });

  it("waits for a customer in another zone to open: New York's 09:00 is 14:00Z", () => {
    expect(decide('newYork', '2026-11-30T10:00:00.000Z')).toEqual({
      status: 'scheduled',
      scheduledFor: '2026-11-30T14:00:00.000Z',
    });
  });

  it('marks a customer whose hours never overlap the business unreachable', () => {
    expect(decide('tokyo', '2026-11-30T10:00:00.000Z')).toEqual({
      status: 'unreachable',
      scheduledFor: null,
    });
  });

  it('looks only 28 days ahead', () => {
    const business = businessCalendar;
    const closedFor5Weeks = {
      ...business,
      closures: Array.from({ length: 40 }, (_, i) =>
        new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10),
      ),
    };
    const decision = decideDelivery(
      [closedFor5Weeks, schedules.london],
      at('2027-01-01T10:00:00.000Z'),
      at('2027-01-01T10:00:00.000Z'),
    );
    expect(decision.status).toBe('unreachable');
  });
});

describe('effectiveSendAt', () => {
  it('uses now when sendAt is absent or in the past', () => {
    const now = at('2026-11-30T10:00:00.000Z');
    expect(effectiveSendAt(undefined, now)).toBe(now);
    expect(effectiveSendAt(at('2026-11-30T09:00:00.000Z'), now)).toBe(now);
    expect(effectiveSendAt(at('2026-11-30T11:00:00.000Z'), now).toISOString()).toBe(
      '2026-11-30T11:00:00.000Z',
    );
  });
});
