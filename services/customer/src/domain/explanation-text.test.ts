import { parseSchedule } from '@screenmagic/hours-window';
import { describe, expect, it } from 'vitest';
import { explainWindow } from './explanation.ts';

// The sentence of SPEC §5 is in the customer's local time: each branch below has the
// customer in a zone other than the business's, so a time read in the wrong zone shows.
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
const londonBusiness = (extra: object = {}) =>
  parseSchedule({
    timeZone: 'Europe/London',
    start: '09:00',
    end: '17:00',
    days: weekdays,
    ...extra,
  });
const allDay = (timeZone: string, extra: object = {}) =>
  parseSchedule({ timeZone, start: '00:00', end: '24:00', ...extra });
const newYork = allDay('America/New_York');
const kolkata = allDay('Asia/Kolkata');
const textAt = (
  business: ReturnType<typeof parseSchedule>,
  customer: typeof newYork,
  iso: string,
) => explainWindow(business, customer, new Date(iso)).text;

describe('explanationText: the business closed, in the customer’s time', () => {
  it('after hours: the customer’s clock, the business’s in parentheses', () => {
    const customer = parseSchedule({ timeZone: 'America/New_York', start: '09:00', end: '20:00' });
    expect(textAt(londonBusiness(), customer, '2026-12-04T17:30:00Z')).toBe(
      "Closed: it is 12:30 your time (17:30 in London), outside the business's hours; next window Mon 7 Dec 09:00–12:00 your time",
    );
  });

  it('after hours on a date the customer has already left behind: the business’s day too', () => {
    expect(textAt(londonBusiness(), kolkata, '2026-12-04T19:00:00Z')).toBe(
      "Closed: it is 00:30 your time (Fri 4 Dec 19:00 in London), outside the business's hours; next window Mon 7 Dec 14:30–22:30 your time",
    );
  });

  it('a weekly closed day that is the customer’s date too', () => {
    expect(textAt(londonBusiness(), newYork, '2026-12-05T15:00:00Z')).toBe(
      'Closed: 5 Dec is not a working day for the business; next window Mon 7 Dec 04:00–12:00 your time',
    );
  });

  it('a weekly closed day that is another date for the customer', () => {
    expect(textAt(londonBusiness(), kolkata, '2026-12-05T20:00:00Z')).toBe(
      'Closed: it is Sun 6 Dec 01:30 your time and Sat 5 Dec in London, not a working day for the business; next window Mon 7 Dec 14:30–22:30 your time',
    );
  });

  it('a holiday on the customer’s date, and one the customer has not reached yet', () => {
    const business = londonBusiness({ holidays: { country: 'GB' } });
    expect(textAt(business, newYork, '2026-12-25T15:00:00Z')).toBe(
      'Closed: 25 Dec is Christmas Day for the business; next window Tue 29 Dec 04:00–12:00 your time',
    );
    expect(textAt(business, newYork, '2026-12-25T02:00:00Z')).toBe(
      'Closed: it is Thu 24 Dec 21:00 your time and Fri 25 Dec in London, Christmas Day for the business; next window Tue 29 Dec 04:00–12:00 your time',
    );
  });

  it('an unnamed closure and a closed override, on another date for the customer', () => {
    const business = londonBusiness({
      closures: ['2026-12-08'],
      overrides: { '2026-12-10': [] },
    });
    expect(textAt(business, newYork, '2026-12-08T02:00:00Z')).toBe(
      'Closed: it is Mon 7 Dec 21:00 your time and Tue 8 Dec in London, a closed day for the business; next window Wed 9 Dec 04:00–12:00 your time',
    );
    expect(textAt(business, newYork, '2026-12-10T12:00:00Z')).toBe(
      'Closed: 10 Dec is a closed day for the business; next window Fri 11 Dec 04:00–12:00 your time',
    );
  });

  it('outside special hours: the customer’s clock, the business’s in parentheses', () => {
    const business = londonBusiness({
      overrides: { '2026-12-24': [{ start: '09:00', end: '13:00' }] },
    });
    expect(textAt(business, newYork, '2026-12-24T15:00:00Z')).toBe(
      "Closed: it is 10:00 your time (15:00 in London), outside the business's special hours for 24 Dec; next window Fri 25 Dec 04:00–12:00 your time",
    );
  });

  it('spring forward in Europe/London: the business’s 01:00–02:00 hour does not exist on 29 Mar', () => {
    const business = parseSchedule({ timeZone: 'Europe/London', start: '01:00', end: '02:00' });
    expect(textAt(business, newYork, '2026-03-29T01:30:00Z')).toBe(
      "Closed: the business's hours on 29 Mar in London fall in the hour skipped when clocks went forward; next window Sun 29 Mar 20:00–21:00 your time",
    );
  });
});

describe('explanationText: the customer closed, in their own time', () => {
  it('a weekday without hours for the customer', () => {
    const customer = allDay('America/New_York', { days: ['mon', 'tue'] });
    expect(textAt(londonBusiness(), customer, '2026-12-03T15:00:00Z')).toBe(
      'Closed: you receive no messages on 3 Dec; next window Mon 7 Dec 04:00–12:00 your time',
    );
  });

  it('outside the customer’s special hours', () => {
    const customer = allDay('America/New_York', {
      overrides: { '2026-12-24': [{ start: '09:00', end: '10:00' }] },
    });
    expect(textAt(londonBusiness(), customer, '2026-12-24T15:00:00Z')).toBe(
      'Closed: 24 Dec has special hours for you and 10:00 is outside them; next window Fri 25 Dec 04:00–12:00 your time',
    );
  });
});
