import { type App, errorResponses } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { BusinessCalendarStore } from '../calendars/business-calendar-store.ts';
import { customerChangesAfter, lastCustomerChange } from '../db/business-calendar-repository.ts';
import type { Database } from '../db/database.ts';
import {
  CUSTOMER_PATHS,
  CustomerChangesQuerySchema,
  CustomerChangesSchema,
  InternalCalendarSchema,
} from '@screenmagic/service-kit/contracts';
import { scheduleView } from '../views/schedule-view.ts';

export interface InternalBusinessCalendarDeps {
  readonly db: Kysely<Database>;
  readonly store: BusinessCalendarStore;
}

/**
 * What the other services poll to keep their promises (docs/architecture.md): the
 * calendar in force with its version, and the sequence of customers whose time rules
 * changed. Both are primary-key reads.
 */
export function registerInternalBusinessCalendarRoutes(
  app: App,
  { db, store }: InternalBusinessCalendarDeps,
): void {
  app.get(
    CUSTOMER_PATHS.businessCalendar,
    { schema: { hide: true, response: { 200: InternalCalendarSchema, ...errorResponses(503) } } },
    async () => {
      const [current, customerChangeSeq] = await Promise.all([
        store.current(),
        lastCustomerChange(db),
      ]);
      return {
        version: current.version,
        calendar: scheduleView(current.schedule),
        updatedAt: current.updatedAt.toISOString(),
        customerChangeSeq,
      };
    },
  );

  app.get(
    CUSTOMER_PATHS.customerChanges,
    {
      schema: {
        hide: true,
        querystring: CustomerChangesQuerySchema,
        response: { 200: CustomerChangesSchema, ...errorResponses(400, 503) },
      },
    },
    async (request) => {
      const after = request.query.after ?? '0';
      const limit = request.query.limit ?? 1_000;
      const changes = await customerChangesAfter(db, after, limit);
      // Changes only replicas follow are read past (the cursor moves over them), not listed.
      const items = changes
        .filter((change) => change.replan)
        .map(({ seq, customerId }) => ({ seq, customerId }));
      return { items, lastSeq: changes.at(-1)?.seq ?? after, more: changes.length === limit };
    },
  );
}
