import { parseSchedule } from '@screenmagic/hours-window';
import { describe, expect, it } from 'vitest';
import { decideOrder } from './order-decision.ts';

// Mon–Fri 09:00–18:00 in Kolkata (UTC+05:30): 03:30Z–12:30Z. December 2026: Fri 4, Sat 5,
// Sun 6, Mon 7; Christmas is a Friday; Republic Day 2027 a Tuesday.
const calendar = parseSchedule({
  timeZone: 'Asia/Kolkata',
  start: '09:00',
  end: '18:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  closures: ['2026-12-25', '2027-01-01', '2027-01-26'],
});

function decide(placedAt: string) {
  const decision = decideOrder(calendar, new Date(placedAt));
  return decision.status === 'pending'
    ? { ...decision, processingAt: decision.processingAt.toISOString() }
    : decision;
}

describe('decideOrder', () => {
  it('confirms an order placed while the business is open', () => {
    expect(decide('2026-12-07T04:30:00.000Z')).toEqual({ status: 'confirmed', reason: 'open' });
  });

  it('confirms at the opening minute and defers at the closing minute (half-open hours)', () => {
    expect(decide('2026-12-07T03:30:00.000Z').status).toBe('confirmed');
    expect(decide('2026-12-07T12:30:00.000Z')).toEqual({
      status: 'pending',
      reason: 'outside-hours',
      processingAt: '2026-12-08T03:30:00.000Z',
    });
  });

  it('defers an order placed after hours on a working day to the next morning', () => {
    expect(decide('2026-12-07T13:30:00.000Z')).toEqual({
      status: 'pending',
      reason: 'outside-hours',
      processingAt: '2026-12-08T03:30:00.000Z',
    });
  });

  it('defers an order placed before opening to that same morning', () => {
    expect(decide('2026-12-08T01:30:00.000Z')).toEqual({
      status: 'pending',
      reason: 'outside-hours',
      processingAt: '2026-12-08T03:30:00.000Z',
    });
  });

  it('defers a Saturday order to Monday’s opening', () => {
    expect(decide('2026-12-05T05:30:00.000Z')).toEqual({
      status: 'pending',
      reason: 'closed-day',
      processingAt: '2026-12-07T03:30:00.000Z',
    });
  });

  it('defers a Sunday evening order to Monday’s opening', () => {
    expect(decide('2026-12-06T14:30:00.000Z')).toEqual({
      status: 'pending',
      reason: 'closed-day',
      processingAt: '2026-12-07T03:30:00.000Z',
    });
  });

  it('defers a Friday evening order over the weekend', () => {
    expect(decide('2026-12-04T13:00:00.000Z').status).toBe('pending');
    expect(decide('2026-12-04T13:00:00.000Z')).toMatchObject({
      processingAt: '2026-12-07T03:30:00.000Z',
    });
  });

  it('skips a holiday when the order comes the evening before it', () => {
    // Thursday 24 December 18:30 IST; Friday is Christmas, then the weekend.
    expect(decide('2026-12-24T13:00:00.000Z')).toEqual({
      status: 'pending',
      reason: 'outside-hours',
      processingAt: '2026-12-28T03:30:00.000Z',
    });
  });

  it('defers an order placed on a mid-week holiday to the next working day', () => {
    // Tuesday 26 January 2027 (Republic Day) 10:00 IST → Wednesday 09:00 IST.
    expect(decide('2027-01-26T04:30:00.000Z')).toEqual({
      status: 'pending',
      reason: 'closed-day',
      processingAt: '2027-01-27T03:30:00.000Z',
    });
  });

  it('uses the business’s local date: 23:00 UTC on a Sunday is already Monday in Kolkata', () => {
    // Sunday 6 December 23:00Z = Monday 04:30 IST: a working day, before opening.
    expect(decide('2026-12-06T23:00:00.000Z')).toEqual({
      status: 'pending',
      reason: 'outside-hours',
      processingAt: '2026-12-07T03:30:00.000Z',
    });
  });

  it('cannot schedule an order when the calendar never opens', () => {
    const never = parseSchedule({ timeZone: 'UTC', weekly: {} });
    expect(decideOrder(never, new Date('2026-12-07T10:00:00Z'))).toEqual({
      status: 'unschedulable',
    });
  });
});
