import { parseSchedule } from '@screenmagic/hours-window';
import { describe, expect, it } from 'vitest';
import { planDelivery } from './delivery-plan.ts';

const londonBusiness = parseSchedule({
  timeZone: 'Europe/London',
  start: '09:00',
  end: '18:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
});

const at = (iso: string) => new Date(iso);
const iso = (list: readonly { start: Date; end: Date }[]) =>
  list.map((w) => [w.start.toISOString(), w.end.toISOString()]);

describe('planDelivery', () => {
  it('gives a Kolkata customer the London afternoon that is their evening, every working day', () => {
    const customer = parseSchedule({ timeZone: 'Asia/Kolkata', start: '10:00', end: '19:00' });
    const plan = planDelivery(londonBusiness, customer, at('2026-11-30T00:00:00Z')); // Monday
    expect(iso(plan.windows)).toEqual([
      ['2026-11-30T09:00:00.000Z', '2026-11-30T13:30:00.000Z'],
      ['2026-12-01T09:00:00.000Z', '2026-12-01T13:30:00.000Z'],
      ['2026-12-02T09:00:00.000Z', '2026-12-02T13:30:00.000Z'],
      ['2026-12-03T09:00:00.000Z', '2026-12-03T13:30:00.000Z'],
      ['2026-12-04T09:00:00.000Z', '2026-12-04T13:30:00.000Z'],
    ]);
    expect(plan.reachable).toBe(true);
    expect(plan.nextDeliveryAt?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(plan.warnings).toEqual([]);
  });

  it('moves the Kolkata window an hour earlier in UTC while London is on summer time', () => {
    const customer = parseSchedule({ timeZone: 'Asia/Kolkata', start: '10:00', end: '19:00' });
    const plan = planDelivery(londonBusiness, customer, at('2026-06-01T00:00:00Z'));
    expect(iso(plan.windows)[0]).toEqual(['2026-06-01T08:00:00.000Z', '2026-06-01T13:30:00.000Z']);
  });

  it('starts the first window at now when the window is open now', () => {
    const customer = parseSchedule({ timeZone: 'Europe/London', start: '08:00', end: '20:00' });
    const plan = planDelivery(londonBusiness, customer, at('2026-11-30T10:15:00Z'));
    expect(iso(plan.windows)[0]).toEqual(['2026-11-30T10:15:00.000Z', '2026-11-30T18:00:00.000Z']);
    expect(plan.nextDeliveryAt?.toISOString()).toBe('2026-11-30T10:15:00.000Z');
  });

  it('declares a customer whose hours never overlap the business unreachable, with a warning', () => {
    const customer = parseSchedule({ timeZone: 'Europe/London', start: '19:00', end: '23:00' });
    const plan = planDelivery(londonBusiness, customer, at('2026-11-30T00:00:00Z'));
    expect(plan.windows).toEqual([]);
    expect(plan.reachable).toBe(false);
    expect(plan.nextDeliveryAt).toBeNull();
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toMatch(/do not overlap .* next 28 days/);
  });

  it('treats a customer whose only overlap is a weekend as unreachable (the business is closed then)', () => {
    const customer = parseSchedule({
      timeZone: 'UTC',
      start: '10:00',
      end: '16:00',
      days: ['sat', 'sun'],
    });
    const plan = planDelivery(londonBusiness, customer, at('2026-11-30T00:00:00Z'));
    expect(plan.reachable).toBe(false);
  });

  it('follows the week in which New York has changed to summer time and London has not', () => {
    const customer = parseSchedule({
      timeZone: 'America/New_York',
      start: '08:00',
      end: '12:00',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    });
    // Thursday 5 March 2026: both on standard time; New York springs forward on Sunday 8 March.
    const plan = planDelivery(londonBusiness, customer, at('2026-03-05T00:00:00Z'));
    expect(iso(plan.windows)).toEqual([
      ['2026-03-05T13:00:00.000Z', '2026-03-05T17:00:00.000Z'],
      ['2026-03-06T13:00:00.000Z', '2026-03-06T17:00:00.000Z'],
      ['2026-03-09T12:00:00.000Z', '2026-03-09T16:00:00.000Z'],
      ['2026-03-10T12:00:00.000Z', '2026-03-10T16:00:00.000Z'],
      ['2026-03-11T12:00:00.000Z', '2026-03-11T16:00:00.000Z'],
    ]);
  });

  it('follows London springing forward on 29 March 2026 (09:00 BST is 08:00 UTC)', () => {
    const customer = parseSchedule({ timeZone: 'UTC', start: '07:00', end: '10:00' });
    const plan = planDelivery(londonBusiness, customer, at('2026-03-26T00:00:00Z')); // Thursday
    expect(iso(plan.windows)).toEqual([
      ['2026-03-26T09:00:00.000Z', '2026-03-26T10:00:00.000Z'],
      ['2026-03-27T09:00:00.000Z', '2026-03-27T10:00:00.000Z'],
      ['2026-03-30T08:00:00.000Z', '2026-03-30T10:00:00.000Z'],
      ['2026-03-31T08:00:00.000Z', '2026-03-31T10:00:00.000Z'],
      ['2026-04-01T08:00:00.000Z', '2026-04-01T10:00:00.000Z'],
    ]);
  });

  it('warns when there is no window this week but one later, naming it in the customer zone', () => {
    const closures = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'];
    const customer = parseSchedule({
      timeZone: 'Asia/Kolkata',
      start: '10:00',
      end: '19:00',
      closures,
    });
    const plan = planDelivery(londonBusiness, customer, at('2026-11-30T00:00:00Z'));
    expect(plan.windows).toEqual([]);
    expect(plan.reachable).toBe(true);
    expect(plan.nextDeliveryAt?.toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(plan.warnings).toEqual([
      'No delivery window in the next 7 days; the next one opens at 2026-12-07T14:30:00+05:30 (2026-12-07T09:00:00.000Z).',
    ]);
  });

  it('warns about a time zone far from the business and says which way', () => {
    const customer = parseSchedule({
      timeZone: 'America/Los_Angeles',
      start: '08:00',
      end: '17:00',
    });
    const plan = planDelivery(londonBusiness, customer, at('2026-11-30T00:00:00Z'));
    expect(iso(plan.windows)[0]).toEqual(['2026-11-30T16:00:00.000Z', '2026-11-30T18:00:00.000Z']);
    expect(plan.warnings).toEqual([
      expect.stringMatching(
        /America\/Los_Angeles\) is 8 hours behind the business's \(Europe\/London\)/,
      ),
    ]);
  });

  it('does not warn about a neighbouring zone', () => {
    const customer = parseSchedule({ timeZone: 'Europe/Berlin', start: '08:00', end: '17:00' });
    expect(planDelivery(londonBusiness, customer, at('2026-11-30T00:00:00Z')).warnings).toEqual([]);
  });

  it('warns when the week holds less than an hour of window', () => {
    const customer = parseSchedule({
      timeZone: 'Europe/London',
      start: '17:30',
      end: '20:00',
      days: ['mon'],
    });
    const plan = planDelivery(londonBusiness, customer, at('2026-11-30T00:00:00Z'));
    expect(iso(plan.windows)).toEqual([['2026-11-30T17:30:00.000Z', '2026-11-30T18:00:00.000Z']]);
    expect(plan.warnings).toEqual(['Only 30 minutes of delivery window in the next 7 days.']);
  });

  it('covers an overnight customer range up to the business closing', () => {
    const customer = parseSchedule({ timeZone: 'Asia/Tokyo', start: '22:00', end: '03:00' });
    // 22:00–03:00 JST = 13:00–18:00 UTC; London closes at 18:00 GMT.
    const plan = planDelivery(londonBusiness, customer, at('2026-11-30T00:00:00Z'));
    expect(iso(plan.windows)[0]).toEqual(['2026-11-30T13:00:00.000Z', '2026-11-30T18:00:00.000Z']);
    expect(plan.warnings[0]).toMatch(/9 hours ahead of/);
  });
});
