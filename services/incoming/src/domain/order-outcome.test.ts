import { parseSchedule } from '@screenmagic/hours-window';
import { describe, expect, it } from 'vitest';
import { orderOutcome } from './order-outcome.ts';

// Mon–Fri 09:00–18:00 in Kolkata (03:30Z–12:30Z), Christmas closed (a Friday) and Republic
// Day 2027 (a Tuesday). December 2026: Sat 5, Sun 6, Mon 7, Tue 8.
const calendar = parseSchedule({
  timeZone: 'Asia/Kolkata',
  start: '09:00',
  end: '18:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  closures: ['2026-12-25', '2027-01-26'],
});
const facts = {
  customerName: 'Asha',
  orderId: 'ORD-1',
  productId: 'SKU-9',
  payment: { method: 'upi', amount: '499.00', currency: 'INR' },
};
const NOW = new Date('2026-12-07T04:30:00.000Z'); // Monday 10:00 IST

function outcome(placedAt: string, customerTimeZone = 'Asia/Kolkata') {
  const result = orderOutcome(calendar, {
    facts,
    placedAt: new Date(placedAt),
    customerTimeZone,
    now: NOW,
  });
  if (result === null) throw new Error('unschedulable');
  return {
    status: result.status,
    reason: result.reason,
    processingAt: result.processingAt.toISOString(),
    when: /processed (.*) your time\.$/.exec(result.reply)?.[1] ?? null,
  };
}

describe('the order decision table, with the reply the customer reads', () => {
  // prettier-ignore
  it.each([
    // case, placedAt, status, reason, processingAt, "processed … your time" (Kolkata customer)
    ['open (Monday 10:00)', '2026-12-07T04:30:00.000Z', 'confirmed', 'open', '2026-12-07T04:30:00.000Z', null],
    ['after hours on a working day (Monday 19:00)', '2026-12-07T13:30:00.000Z', 'pending', 'outside-hours', '2026-12-08T03:30:00.000Z', 'tomorrow, Tuesday 8 December at 09:00'],
    ['before opening (Tuesday 07:00)', '2026-12-08T01:30:00.000Z', 'pending', 'outside-hours', '2026-12-08T03:30:00.000Z', 'later today, Tuesday 8 December at 09:00'],
    ['Saturday (11:00)', '2026-12-05T05:30:00.000Z', 'pending', 'closed-day', '2026-12-07T03:30:00.000Z', 'on Monday 7 December at 09:00'],
    ['Sunday (20:00)', '2026-12-06T14:30:00.000Z', 'pending', 'closed-day', '2026-12-07T03:30:00.000Z', 'tomorrow, Monday 7 December at 09:00'],
    ['the evening before a holiday (Thursday 24 December 18:30)', '2026-12-24T13:00:00.000Z', 'pending', 'outside-hours', '2026-12-28T03:30:00.000Z', 'on Monday 28 December at 09:00'],
    ['a holiday (Christmas 10:00)', '2026-12-25T04:30:00.000Z', 'pending', 'closed-day', '2026-12-28T03:30:00.000Z', 'on Monday 28 December at 09:00'],
    ['a mid-week holiday (Tuesday 26 January 2027)', '2027-01-26T04:30:00.000Z', 'pending', 'closed-day', '2027-01-27T03:30:00.000Z', 'tomorrow, Wednesday 27 January at 09:00'],
  ])('%s', (_case, placedAt, status, reason, processingAt, when) => {
    expect(outcome(placedAt)).toEqual({ status, reason, processingAt, when });
  });

  // prettier-ignore
  it.each([
    // A customer far from the business reads the same instant on their own clock.
    ['Los Angeles, Saturday order', 'America/Los_Angeles', '2026-12-05T05:30:00.000Z', 'on Sunday 6 December at 19:30'],
    ['Los Angeles, Monday evening order', 'America/Los_Angeles', '2026-12-07T13:30:00.000Z', 'later today, Monday 7 December at 19:30'],
    ['Auckland, Saturday order', 'Pacific/Auckland', '2026-12-05T05:30:00.000Z', 'on Monday 7 December at 16:30'],
    ['London, Sunday order', 'Europe/London', '2026-12-06T14:30:00.000Z', 'tomorrow, Monday 7 December at 03:30'],
  ])('tells a customer in %s', (_case, zone, placedAt, when) => {
    expect(outcome(placedAt, zone).when).toBe(when);
  });

  it('decides on the placedAt the client supplied, not on when the request arrives', () => {
    // Received on Monday while open, but placed on Saturday: pending until Monday's opening.
    expect(outcome('2026-12-05T05:30:00.000Z').status).toBe('pending');
    // Received while open and placed then: confirmed at once.
    expect(outcome(NOW.toISOString()).status).toBe('confirmed');
  });

  it('confirms an order placed while open at now, or at placedAt when that is ahead of now', () => {
    const at = (placedAt: string) =>
      orderOutcome(calendar, {
        facts,
        placedAt: new Date(placedAt),
        customerTimeZone: 'UTC',
        now: NOW,
      });
    expect(at('2026-12-07T04:00:00.000Z')?.confirmedAt?.toISOString()).toBe(NOW.toISOString());
    expect(at('2026-12-07T05:00:00.000Z')?.confirmedAt?.toISOString()).toBe(
      '2026-12-07T05:00:00.000Z',
    );
  });

  it('replies with the confirmation itself when the order is confirmed at once', () => {
    const result = orderOutcome(calendar, {
      facts,
      placedAt: NOW,
      customerTimeZone: 'Asia/Kolkata',
      now: NOW,
    });
    expect(result?.reply).toBe(
      'Hi Asha, your order ORD-1 (SKU-9, INR 499.00) is confirmed. Thank you!',
    );
    expect(result?.confirmationText).toBe(result?.reply);
  });

  it('gives no outcome when the business never opens', () => {
    const never = parseSchedule({ timeZone: 'UTC', weekly: {} });
    expect(
      orderOutcome(never, { facts, placedAt: NOW, customerTimeZone: 'UTC', now: NOW }),
    ).toBeNull();
  });
});
