import { describe, expect, it } from 'vitest';
import { businessCalendar, schedules } from '../../test/support/calendars.ts';
import { RecipientPlanner } from './recipient-planner.ts';
import { ScheduleCache } from './schedule-cache.ts';

const now = new Date('2026-11-30T08:00:00.000Z');
const planner = (expiresAt: Date | null = null, extra: object = {}) =>
  new RecipientPlanner({
    calendar: businessCalendar,
    send: { kind: 'instant', at: now },
    now,
    expiresAt,
    schedules: new ScheduleCache(),
    ...extra,
  });

describe('RecipientPlanner', () => {
  it("gives scheduledForLocal in the customer's zone", () => {
    const plan = planner().plan({ timeZone: 'Asia/Kolkata', workingHours: schedules.kolkata });
    expect(plan.scheduledFor?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(plan.scheduledForLocal).toBe('2026-11-30T14:30:00+05:30');
    const ny = planner().plan({ timeZone: 'America/New_York', workingHours: schedules.newYork });
    expect(ny.scheduledForLocal).toBe('2026-11-30T09:00:00-05:00');
  });

  it('decides once per distinct schedule, however many customers share it', () => {
    const p = planner();
    const shapes = [schedules.kolkata, schedules.newYork, schedules.tokyo];
    for (let i = 0; i < 3_000; i++) {
      const workingHours = JSON.parse(JSON.stringify(shapes[i % 3])) as unknown;
      p.plan({ timeZone: 'UTC', workingHours });
    }
    expect(p.distinctDecisions).toBe(3);
  });

  it('makes a message due at its expiry when that comes before its scheduled time', () => {
    const expiresAt = new Date('2026-11-30T08:30:00.000Z');
    const plan = planner(expiresAt).plan({
      timeZone: 'Asia/Kolkata',
      workingHours: schedules.kolkata,
    });
    expect(plan.status).toBe('scheduled');
    expect(plan.dueAt?.toISOString()).toBe('2026-11-30T08:30:00.000Z');
  });

  it('gives an unreachable recipient no times', () => {
    const plan = planner().plan({ timeZone: 'Asia/Tokyo', workingHours: schedules.tokyo });
    expect(plan).toEqual({
      status: 'unreachable',
      scheduledFor: null,
      scheduledForLocal: null,
      dueAt: null,
      localDay: null,
      reason: 'NO_OVERLAP',
      reasonDetail: null,
    });
  });

  const kolkata = { timeZone: 'Asia/Kolkata', workingHours: schedules.kolkata };

  it('suppresses a marketing message to a customer without consent (OPTED_OUT), never a transactional one', () => {
    const optedOut = { ...kolkata, consent: { marketing: false } };
    expect(planner(null, { category: 'marketing' }).plan(optedOut)).toMatchObject({
      status: 'suppressed',
      reason: 'OPTED_OUT',
      scheduledFor: null,
    });
    expect(planner(null, { category: 'transactional' }).plan(optedOut).status).toBe('scheduled');
    expect(planner(null, { category: 'marketing' }).plan(kolkata).status).toBe('scheduled');
  });

  it('suppresses a marketing message beyond the cap of its customer-local day (FREQUENCY_CAP)', () => {
    const p = planner(null, { category: 'marketing', capPerDay: 2 });
    const days: string[] = [];
    const used = (day: string) => {
      days.push(day);
      return day === '2026-11-30' ? 2 : 0;
    };
    expect(p.plan(kolkata, used)).toMatchObject({ status: 'suppressed', reason: 'FREQUENCY_CAP' });
    expect(days).toEqual(['2026-11-30']);
    expect(p.plan(kolkata, () => 1).status).toBe('scheduled');
    const uncapped = planner(null, { category: 'transactional', capPerDay: 2 });
    expect(uncapped.plan(kolkata, () => 5).status).toBe('scheduled');
  });

  it('sends sendAtLocal at the wall time in each zone, then holds it to the window', () => {
    const p = new RecipientPlanner({
      calendar: businessCalendar,
      send: { kind: 'local', local: { time: '15:00', date: '2026-11-30' } },
      now,
      expiresAt: null,
      schedules: new ScheduleCache(),
    });
    // 15:00 IST = 09:30Z, inside the window.
    expect(p.plan(kolkata).scheduledForLocal).toBe('2026-11-30T15:00:00+05:30');
    // 15:00 in New York = 20:00Z, after the business closes: the next opening.
    const ny = p.plan({ timeZone: 'America/New_York', workingHours: schedules.newYork });
    expect(ny.scheduledFor?.toISOString()).toBe('2026-12-01T14:00:00.000Z');
  });
});
