import { formatLocal } from '@screenmagic/hours-window';
import type { App } from '@screenmagic/service-kit';
import type { CustomerDeps } from '../customers/customer-deps.ts';
import { businessStatus } from '../domain/business-status.ts';
import { BusinessCalendarSchema } from '../schemas/business-calendar.ts';
import { scheduleView } from '../views/schedule-view.ts';

/** `GET /v1/business-calendar`: the calendar every service uses, and its state now. */
export function registerBusinessCalendarRoutes(
  app: App,
  { clock, businessCalendar }: CustomerDeps,
): void {
  app.get(
    '/v1/business-calendar',
    {
      schema: {
        tags: ['business-calendar'],
        operationId: 'getBusinessCalendar',
        summary:
          "The business's working hours (normalized), whether it is open now, and when that changes",
        response: { 200: BusinessCalendarSchema },
      },
    },
    () => {
      const now = clock.now();
      const calendar = scheduleView(businessCalendar);
      const zone = calendar.timeZone;
      const status = businessStatus(businessCalendar, now);
      const local = (at: Date | null) => (at === null ? null : formatLocal(at, zone));
      return {
        timeZone: zone,
        weekly: calendar.weekly,
        closures: calendar.closures,
        overrides: calendar.overrides,
        ...(calendar.holidays === undefined ? {} : { holidays: calendar.holidays }),
        now: now.toISOString(),
        openNow: status.openNow,
        closesAt: status.closesAt?.toISOString() ?? null,
        closesAtLocal: local(status.closesAt),
        nextOpening: status.nextOpening?.toISOString() ?? null,
        nextOpeningLocal: local(status.nextOpening),
      };
    },
  );
}
