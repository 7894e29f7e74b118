import { describe, expect, it } from 'vitest';
import { businessCalendar, schedules } from '../../test/support/calendars.ts';
import { RecipientPlanner } from './recipient-planner.ts';
import { ScheduleCache } from './schedule-cache.ts';

const now = new Date('2026-11-30T08:00:00.000Z');
const planner = (expiresAt: Date | null = null) =>
  new RecipientPlanner({
    calendar: businessCalendar,
    at: now,
    now,
    expiresAt,
    schedules: new ScheduleCache(),
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
      reason: 'NO_OVERLAP',
      reasonDetail: null,
    });
  });
});
