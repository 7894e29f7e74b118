import { describe, expect, it } from 'vitest';
import {
  confirmationText,
  correctionText,
  describeProcessingTime,
  pendingReply,
} from './order-reply.ts';

const facts = {
  customerName: 'Asha',
  orderId: 'ORD-1',
  productId: 'SKU-9',
  payment: { method: 'upi', amount: '499.00', currency: 'INR' },
};
const at = (iso: string) => new Date(iso);

describe('confirmationText', () => {
  it('names the customer, the order, the product and the amount', () => {
    expect(confirmationText(facts)).toBe(
      'Hi Asha, your order ORD-1 (SKU-9, INR 499.00) is confirmed. Thank you!',
    );
  });
});

describe('pendingReply', () => {
  it('tells a customer who ordered on Saturday that the order is processed on Monday, in their time', () => {
    expect(
      pendingReply(facts, {
        placedAt: at('2026-12-05T05:30:00Z'),
        now: at('2026-12-05T05:30:00Z'),
        processingAt: at('2026-12-07T03:30:00Z'),
        timeZone: 'Asia/Kolkata',
      }),
    ).toBe(
      'Hi Asha, thanks for your order ORD-1 (SKU-9, INR 499.00). We are closed right now; ' +
        'it will be processed on Monday 7 December at 09:00 your time.',
    );
  });

  it('names the holiday or closure the business is closed for', () => {
    expect(
      pendingReply(facts, {
        placedAt: at('2026-12-25T04:30:00Z'),
        now: at('2026-12-25T04:30:00Z'),
        processingAt: at('2026-12-28T03:30:00Z'),
        timeZone: 'Asia/Kolkata',
        closure: { day: 'Friday 25 December', name: 'Christmas Day' },
      }),
    ).toBe(
      'Hi Asha, thanks for your order ORD-1 (SKU-9, INR 499.00). We are closed on Friday ' +
        '25 December (Christmas Day); your order will be processed on Monday 28 December at ' +
        '09:00 your time.',
    );
  });

  it('says a backdated order on a holiday is processed now once its opening has come', () => {
    expect(
      pendingReply(facts, {
        placedAt: at('2026-12-25T05:30:00Z'),
        now: at('2026-12-28T05:00:00Z'),
        processingAt: at('2026-12-28T03:30:00Z'),
        timeZone: 'Asia/Kolkata',
        closure: { day: 'Friday 25 December', name: 'Christmas Day' },
      }),
    ).toBe(
      'Hi Asha, thanks for your order ORD-1 (SKU-9, INR 499.00). We were closed on Friday ' +
        '25 December (Christmas Day); your order is being processed now.',
    );
  });

  it('counts tomorrow from when the reply is read, not from a placedAt days earlier', () => {
    // Placed Saturday, received Sunday evening: Monday is tomorrow for the reader.
    expect(
      pendingReply(facts, {
        placedAt: at('2026-12-05T05:30:00Z'),
        now: at('2026-12-06T14:30:00Z'),
        processingAt: at('2026-12-07T03:30:00Z'),
        timeZone: 'Asia/Kolkata',
      }),
    ).toContain('We are closed right now; it will be processed tomorrow, Monday 7 December');
  });

  it('does not say "right now" or "tomorrow" for an order placed ahead of the clock', () => {
    // Received Monday 10:00 (open) for a placedAt of Monday 19:00 (closed).
    expect(
      pendingReply(facts, {
        placedAt: at('2026-12-07T13:30:00Z'),
        now: at('2026-12-07T04:30:00Z'),
        processingAt: at('2026-12-08T03:30:00Z'),
        timeZone: 'Asia/Kolkata',
      }),
    ).toBe(
      'Hi Asha, thanks for your order ORD-1 (SKU-9, INR 499.00). We are closed at that time; ' +
        'it will be processed on Tuesday 8 December at 09:00 your time.',
    );
  });
});

describe('correctionText', () => {
  it('names the new processing day and time in the customer zone', () => {
    expect(
      correctionText(facts, {
        processingAt: at('2026-12-08T03:30:00Z'),
        placedAt: at('2026-12-04T12:00:00Z'),
        timeZone: 'Asia/Kolkata',
      }),
    ).toBe(
      'Hi Asha, an update on your order ORD-1 (SKU-9, INR 499.00): the business changed its ' +
        'hours, so it will now be processed on Tuesday 8 December at 09:00 your time.',
    );
  });

  it('stays true whenever it is read: no "tomorrow" for the next day (the audit’s Tokyo case)', () => {
    // Written Tuesday 22:00 JST, held to a 15:00–20:00 window, read Wednesday 15:00 JST.
    expect(
      correctionText(facts, {
        processingAt: at('2026-12-16T05:30:00Z'),
        placedAt: at('2026-12-15T13:00:00Z'),
        timeZone: 'Asia/Tokyo',
      }),
    ).toBe(
      'Hi Asha, an update on your order ORD-1 (SKU-9, INR 499.00): the business changed its ' +
        'hours, so it will now be processed on Wednesday 16 December at 14:30 your time.',
    );
  });

  it('no "later today" for the same day either, and the year when it differs from the order’s', () => {
    const sameDay = correctionText(facts, {
      processingAt: at('2026-12-15T08:00:00Z'),
      placedAt: at('2026-12-15T01:00:00Z'),
      timeZone: 'Asia/Tokyo',
    });
    expect(sameDay).toContain('processed on Tuesday 15 December at 17:00 your time');
    expect(sameDay).not.toMatch(/today|tomorrow/);
    expect(
      correctionText(facts, {
        processingAt: at('2027-01-04T03:30:00Z'),
        placedAt: at('2026-12-31T10:00:00Z'),
        timeZone: 'Asia/Kolkata',
      }),
    ).toContain('processed on Monday 4 January 2027 at 09:00 your time');
  });
});

describe('describeProcessingTime', () => {
  it('says tomorrow when the business is closed for the night', () => {
    expect(
      describeProcessingTime(
        at('2026-12-08T03:30:00Z'),
        at('2026-12-07T13:30:00Z'),
        'Asia/Kolkata',
      ),
    ).toBe('tomorrow, Tuesday 8 December at 09:00');
  });

  it('says later today when the business opens later the same local day', () => {
    expect(
      describeProcessingTime(
        at('2026-12-08T03:30:00Z'),
        at('2026-12-08T01:30:00Z'),
        'Asia/Kolkata',
      ),
    ).toBe('later today, Tuesday 8 December at 09:00');
  });

  it('names Monday after a weekend', () => {
    expect(
      describeProcessingTime(
        at('2026-12-07T03:30:00Z'),
        at('2026-12-05T05:30:00Z'),
        'Asia/Kolkata',
      ),
    ).toBe('on Monday 7 December at 09:00');
  });

  it('names the next working day after a holiday', () => {
    expect(
      describeProcessingTime(
        at('2026-12-28T03:30:00Z'),
        at('2026-12-25T04:30:00Z'),
        'Asia/Kolkata',
      ),
    ).toBe('on Monday 28 December at 09:00');
  });

  it('gives the year when the processing day is in the next year', () => {
    expect(
      describeProcessingTime(
        at('2027-01-04T03:30:00Z'),
        at('2026-12-31T13:30:00Z'),
        'Asia/Kolkata',
      ),
    ).toBe('on Monday 4 January 2027 at 09:00');
  });

  it('gives a customer far from the business the day and time on their own clock', () => {
    // Monday 09:00 in Kolkata is Sunday 19:30 in Los Angeles; the order was placed there on Friday night.
    expect(
      describeProcessingTime(
        at('2026-12-07T03:30:00Z'),
        at('2026-12-05T05:30:00Z'),
        'America/Los_Angeles',
      ),
    ).toBe('on Sunday 6 December at 19:30');
    // …and Monday 16:30 in Auckland (UTC+13 in December).
    expect(
      describeProcessingTime(
        at('2026-12-07T03:30:00Z'),
        at('2026-12-05T05:30:00Z'),
        'Pacific/Auckland',
      ),
    ).toBe('on Monday 7 December at 16:30');
  });

  it('counts days on the customer’s calendar: closed for the night in Kolkata can be later today in Los Angeles', () => {
    // Placed Monday 19:00 IST = Monday 05:30 PST; processed Tuesday 09:00 IST = Monday 19:30 PST.
    expect(
      describeProcessingTime(
        at('2026-12-08T03:30:00Z'),
        at('2026-12-07T13:30:00Z'),
        'America/Los_Angeles',
      ),
    ).toBe('later today, Monday 7 December at 19:30');
  });

  it('handles zones with quarter-hour offsets', () => {
    expect(
      describeProcessingTime(
        at('2026-12-07T03:30:00Z'),
        at('2026-12-05T05:30:00Z'),
        'Asia/Kathmandu',
      ),
    ).toBe('on Monday 7 December at 09:15');
  });
});
