import {
  closuresBetween,
  formatLocal,
  localDateOf,
  type Schedule,
} from '@screenmagic/hours-window';
import { businessStatus } from '../domain/business-status.ts';
import { scheduleView } from './schedule-view.ts';

/** How many local dates ahead `upcomingClosures` looks (SPEC §4: the next 90 days). */
export const UPCOMING_CLOSURE_DAYS = 90;
const DAY_MS = 86_400_000;

/** A version of the calendar, as the store hands it out. */
export interface VersionedCalendar {
  readonly version: number;
  readonly schedule: Schedule;
  readonly updatedAt: Date;
}

/**
 * The answer of `GET /v1/business-calendar` at `now`: the calendar, its version, whether
 * the business is open, when that changes, and the closed dates of the next 90 days.
 *
 * @example
 * // Mon–Fri 09:00–18:00 London, version 3, Friday 4 Dec 2026 10:00Z
 * calendarState({ version: 3, schedule, updatedAt }, new Date('2026-12-04T10:00:00Z'))
 * // => { version: 3, openNow: true, nextClosing: '2026-12-04T18:00:00.000Z',
 * //      nextOpening: '2026-12-07T09:00:00.000Z', upcomingClosures: [...], … }
 */
export function calendarState(current: VersionedCalendar, now: Date) {
  const { schedule } = current;
  const zone = schedule.timeZone;
  const status = businessStatus(schedule, now);
  const local = (at: Date | null) => (at === null ? null : formatLocal(at, zone));
  const today = localDateOf(now, zone);
  const last = new Date(Date.parse(`${today}T00:00:00Z`) + (UPCOMING_CLOSURE_DAYS - 1) * DAY_MS)
    .toISOString()
    .slice(0, 10);
  return {
    calendar: scheduleView(schedule),
    version: current.version,
    updatedAt: current.updatedAt.toISOString(),
    now: now.toISOString(),
    openNow: status.openNow,
    nextOpening: status.nextOpening?.toISOString() ?? null,
    nextOpeningLocal: local(status.nextOpening),
    nextClosing: status.closesAt?.toISOString() ?? null,
    nextClosingLocal: local(status.closesAt),
    upcomingClosures: closuresBetween(schedule, today, last).map((c) => ({
      from: c.from,
      to: c.to,
      name: c.name,
      kind: c.kind,
    })),
  };
}
