import { parseSchedule } from '@screenmagic/hours-window';
import { describe, expect, it } from 'vitest';
import { explainWindow } from './explanation.ts';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
const london = (extra: object = {}) =>
  parseSchedule({
    timeZone: 'Europe/London',
    start: '09:00',
    end: '17:30',
    days: weekdays,
    ...extra,
  });
const kolkata = (extra: object = {}) =>
  parseSchedule({ timeZone: 'Asia/Kolkata', start: '10:00', end: '22:00', ...extra });
const at = (iso: string) => new Date(iso);

describe('explainWindow', () => {
  it('a closed weekend: the business side says BUSINESS_CLOSED_DAY, the customer is open', () => {
    const e = explainWindow(london(), kolkata(), at('2026-12-05T12:00:00Z'));
    expect(e.business).toMatchObject({ open: false, reason: 'BUSINESS_CLOSED_DAY' });
    expect(e.customer).toMatchObject({
      open: true,
      reason: 'OPEN',
      localTime: '2026-12-05T17:30:00+05:30',
    });
    expect(e.window.open).toBe(false);
    expect(e.window.nextOpening?.toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(e.text).toBe(
      'Closed: 5 Dec is not a working day for the business; next window Mon 7 Dec 14:30–22:00 your time',
    );
  });

  it('a named holiday: Boxing Day closes the business, named in the closure and the text', () => {
    const business = london({ holidays: { country: 'GB' } });
    const e = explainWindow(business, kolkata({ end: '23:00' }), at('2026-12-26T10:00:00Z'));
    expect(e.business).toMatchObject({
      open: false,
      reason: 'BUSINESS_CLOSURE',
      closure: 'Boxing Day',
      localTime: '2026-12-26T10:00:00+00:00',
    });
    // 28 Dec is the substitute day: the next window is Tuesday's.
    expect(e.window.nextOpening?.toISOString()).toBe('2026-12-29T09:00:00.000Z');
    expect(e.text).toBe(
      'Closed: 26 Dec is Boxing Day for the business; next window Tue 29 Dec 14:30–23:00 your time',
    );
  });

  it("a customer's vacation: a closure in their working hours closes their side", () => {
    const customer = kolkata({
      closures: [{ from: '2026-12-21', to: '2027-01-03', name: 'Vacation' }],
    });
    const e = explainWindow(london(), customer, at('2026-12-22T10:00:00Z'));
    expect(e.business.open).toBe(true);
    expect(e.customer).toMatchObject({
      open: false,
      reason: 'CUSTOMER_CLOSURE',
      closure: 'Vacation',
    });
    expect(e.window.nextOpening?.toISOString()).toBe('2027-01-04T09:00:00.000Z');
    expect(e.text).toBe(
      'Closed: 22 Dec is Vacation for you; next window Mon 4 Jan 14:30–22:00 your time',
    );
  });

  it('spring forward in America/New_York: 02:30 does not exist, so the 02:00–03:00 window is skipped', () => {
    const business = parseSchedule({ timeZone: 'UTC', start: '00:00', end: '24:00' });
    const customer = parseSchedule({ timeZone: 'America/New_York', start: '02:00', end: '03:00' });
    const e = explainWindow(business, customer, at('2026-03-08T07:30:00Z'));
    expect(e.customer).toMatchObject({
      open: false,
      reason: 'OUTSIDE_CUSTOMER_HOURS',
      cause: 'dst-gap',
      localTime: '2026-03-08T03:30:00-04:00',
    });
    expect(e.window.nextOpening?.toISOString()).toBe('2026-03-09T06:00:00.000Z');
    expect(e.text).toBe(
      'Closed: your hours on 8 Mar fall in the hour skipped when clocks went forward; next window Mon 9 Mar 02:00–03:00 your time',
    );
  });

  it('a zone pair whose overlap is empty for a week (London back on GMT, New York still on EDT)', () => {
    const business = parseSchedule({
      timeZone: 'Europe/London',
      start: '16:00',
      end: '17:00',
      days: weekdays,
    });
    const customer = parseSchedule({
      timeZone: 'America/New_York',
      start: '11:00',
      end: '12:00',
      days: weekdays,
    });
    // The Friday before: London BST 16:00 = New York EDT 11:00, the hour is shared.
    expect(explainWindow(business, customer, at('2026-10-23T15:30:00Z')).window).toMatchObject({
      open: true,
      current: { start: at('2026-10-23T15:00:00Z'), end: at('2026-10-23T16:00:00Z') },
    });
    const e = explainWindow(business, customer, at('2026-10-26T16:30:00Z'));
    expect(e.business.open).toBe(true);
    expect(e.customer).toMatchObject({ open: false, reason: 'OUTSIDE_CUSTOMER_HOURS' });
    expect(e.window.nextOpening?.toISOString()).toBe('2026-11-02T16:00:00.000Z');
    expect(e.text).toBe(
      'Closed: it is 12:30 for you, outside your hours; next window Mon 2 Nov 11:00–12:00 your time',
    );
  });

  it('late dispatch: just after closing time the business side says OUTSIDE_BUSINESS_HOURS', () => {
    const business = london({ end: '18:00' });
    const customer = parseSchedule({ timeZone: 'Europe/London', start: '09:00', end: '20:00' });
    const e = explainWindow(business, customer, at('2026-12-07T18:10:00Z'));
    expect(e.business).toMatchObject({ open: false, reason: 'OUTSIDE_BUSINESS_HOURS' });
    expect(e.business.nextChange?.toISOString()).toBe('2026-12-08T09:00:00.000Z');
    expect(e.text).toBe(
      "Closed: it is 18:10 your time, outside the business's hours; next window Tue 8 Dec 09:00–18:00 your time",
    );
  });

  it('open: names the end of the current window and the one after it', () => {
    const e = explainWindow(london(), kolkata(), at('2026-12-07T10:00:00Z'));
    expect(e.window).toMatchObject({
      open: true,
      current: { start: at('2026-12-07T09:00:00Z'), end: at('2026-12-07T16:30:00Z') },
    });
    expect(e.window.nextOpening?.toISOString()).toBe('2026-12-08T09:00:00.000Z');
    expect(e.text).toBe(
      'Open: messages reach you now, until Mon 7 Dec 22:00 your time; after that, next window Tue 8 Dec 14:30–22:00 your time',
    );
  });

  it('both sides closed: both are named, and no window within 28 days is said so', () => {
    const business = london();
    const customer = parseSchedule({
      timeZone: 'Asia/Kolkata',
      start: '01:00',
      end: '02:00',
      days: ['sat'],
    });
    const e = explainWindow(business, customer, at('2026-12-05T12:00:00Z'));
    expect(e.window.nextOpening).toBeNull();
    expect(e.text).toBe(
      'Closed: 5 Dec is not a working day for the business and it is 17:30 for you, outside your hours; no window opens in the next 28 days',
    );
  });
});
