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

/** The outcome of an order placed at `placedAt` and received then (the usual case). */
function outcome(placedAt: string, customerTimeZone = 'Asia/Kolkata', now = placedAt) {
  const result = orderOutcome(calendar, {
    facts,
    placedAt: new Date(placedAt),
    customerTimeZone,
    now: new Date(now),
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

  it('decides on the placedAt the client supplied while its opening is still ahead', () => {
    // Placed on Saturday, received on Sunday: pending until Monday's opening.
    const sunday = '2026-12-06T10:00:00.000Z';
    expect(outcome('2026-12-05T05:30:00.000Z', 'Asia/Kolkata', sunday)).toMatchObject({
      status: 'pending',
      processingAt: '2026-12-07T03:30:00.000Z',
      when: 'tomorrow, Monday 7 December at 09:00',
    });
    // Placed while open, received after closing: confirmed, it was placed in hours.
    expect(
      outcome('2026-12-07T04:30:00.000Z', 'Asia/Kolkata', '2026-12-07T14:00:00.000Z'),
    ).toMatchObject({
      status: 'confirmed',
    });
  });

  it('keeps a backdated order pending at its own opening, and says it is being processed now', () => {
    // Monday 10:30 IST (open), placedAt Saturday 18:30 IST: decided on placedAt (SPEC §3),
    // pending until Monday 09:00 — already past, so the worker takes it at once.
    const result = orderOutcome(calendar, {
      facts,
      placedAt: new Date('2026-12-05T13:00:00.000Z'),
      customerTimeZone: 'Asia/Kolkata',
      now: new Date('2026-12-07T05:00:00.000Z'),
    });
    expect(result).toMatchObject({ status: 'pending', reason: 'closed-day' });
    expect(result?.processingAt.toISOString()).toBe('2026-12-07T03:30:00.000Z');
    expect(result?.reply).toBe(
      'Hi Asha, thanks for your order ORD-1 (SKU-9, INR 499.00). We were closed when you ' +
        'placed it; it is being processed now.',
    );
  });

  it('tells a backdated order still before its opening when it will be processed, from now', () => {
    // Placed Saturday, received Sunday 15:30 IST: Monday 09:00 is "tomorrow" as read now.
    const result = orderOutcome(calendar, {
      facts,
      placedAt: new Date('2026-12-05T13:00:00.000Z'),
      customerTimeZone: 'Asia/Kolkata',
      now: new Date('2026-12-06T10:00:00.000Z'),
    });
    expect(result?.reply).toBe(
      'Hi Asha, thanks for your order ORD-1 (SKU-9, INR 499.00). We are closed right now; ' +
        'it will be processed tomorrow, Monday 7 December at 09:00 your time.',
    );
  });

  it('names the closure in the reply to an order placed on a named closure or holiday', () => {
    const named = parseSchedule({
      timeZone: 'Asia/Kolkata',
      start: '09:00',
      end: '18:00',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      closures: [{ from: '2026-12-25', name: 'Christmas Day' }],
    });
    const result = orderOutcome(named, {
      facts,
      placedAt: new Date('2026-12-25T04:30:00.000Z'),
      customerTimeZone: 'Asia/Kolkata',
      now: new Date('2026-12-25T04:30:00.000Z'),
    });
    expect(result?.reply).toBe(
      'Hi Asha, thanks for your order ORD-1 (SKU-9, INR 499.00). We are closed on Friday ' +
        '25 December (Christmas Day); your order will be processed on Monday 28 December at ' +
        '09:00 your time.',
    );
    const holidays = parseSchedule({
      timeZone: 'Europe/London',
      start: '09:00',
      end: '17:00',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      holidays: { country: 'GB' },
    });
    expect(
      orderOutcome(holidays, {
        facts,
        placedAt: new Date('2026-12-25T10:00:00.000Z'),
        customerTimeZone: 'Europe/London',
        now: new Date('2026-12-25T10:00:00.000Z'),
      })?.reply,
    ).toContain(
      'We are closed on Friday 25 December (Christmas Day); your order will be processed on Tuesday 29 December at 09:00',
    );
  });

  it('does not invent a name for an unnamed closure', () => {
    // The calendar's 25 December closure is a plain date.
    expect(outcome('2026-12-25T04:30:00.000Z').when).toBe('on Monday 28 December at 09:00');
    const result = orderOutcome(calendar, {
      facts,
      placedAt: new Date('2026-12-25T04:30:00.000Z'),
      customerTimeZone: 'Asia/Kolkata',
      now: new Date('2026-12-25T04:30:00.000Z'),
    });
    expect(result?.reply).toContain('We are closed right now;');
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
