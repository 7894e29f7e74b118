import { parseSchedule, type Schedule } from '@screenmagic/hours-window';

/**
 * The business every outgoing test uses: London, Monday–Friday 09:00–18:00, closed on
 * Christmas Day (Friday 2026-12-25) and the Boxing Day substitute (Monday 2026-12-28).
 * In winter London is UTC+0, so its hours are 09:00–18:00Z.
 */
export const BUSINESS_CALENDAR_INPUT = Object.freeze({
  timeZone: 'Europe/London',
  start: '09:00',
  end: '18:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  closures: ['2026-12-25', '2026-12-28'],
});

export const businessCalendar: Schedule = parseSchedule(BUSINESS_CALENDAR_INPUT);

/** Customer schedules (normalized, as the customer service returns them). */
export const schedules = {
  /** Every day 09:00–18:00 IST = 03:30–12:30Z: window with the business 09:00–12:30Z. */
  kolkata: parseSchedule({ timeZone: 'Asia/Kolkata', start: '09:00', end: '18:00' }),
  /** Weekdays 09:00–17:00 EST = 14:00–22:00Z: window 14:00–18:00Z. */
  newYork: parseSchedule({
    timeZone: 'America/New_York',
    start: '09:00',
    end: '17:00',
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  }),
  /** Every day 09:00–17:00 JST = 00:00–08:00Z: never overlaps the business. */
  tokyo: parseSchedule({ timeZone: 'Asia/Tokyo', start: '09:00', end: '17:00' }),
  /** London, all day every day: the window is exactly the business's hours. */
  london: parseSchedule({ timeZone: 'Europe/London', start: '00:00', end: '24:00' }),
} satisfies Record<string, Schedule>;
