import { type App, errorResponses } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { BusinessCalendarStore } from '../calendars/business-calendar-store.ts';
import type { ChangeWatch } from '../calendars/change-watch.ts';
import { customerChangesAfter, lastCustomerChange } from '../db/business-calendar-repository.ts';
import type { Database } from '../db/database.ts';
import {
  CUSTOMER_PATHS,
  CustomerChangesQuerySchema,
  CustomerChangesSchema,
  InternalCalendarQuerySchema,
  InternalCalendarSchema,
} from '@screenmagic/service-kit/contracts';
import { scheduleView } from '../views/schedule-view.ts';

export interface InternalBusinessCalendarDeps {
  readonly db: Kysely<Database>;
  readonly store: BusinessCalendarStore;
  readonly watch: ChangeWatch;
}

/**
 * What the other services follow to keep their promises (docs/architecture.md): the
 * calendar in force with its version, and the sequence of customers whose time rules
 * changed. The calendar's answer is held while it and the change head are what the caller
 * says it has (`waitMs`, a long poll: docs/decisions.md, "The calendar is watched, not
 * polled"); the feed is read page by page. Primary-key reads and index ends.
 */
export function registerInternalBusinessCalendarRoutes(
  app: App,
  { db, store, watch }: InternalBusinessCalendarDeps,
): void {
  app.get(
    CUSTOMER_PATHS.businessCalendar,
    {
      schema: {
        hide: true,
        querystring: InternalCalendarQuerySchema,
        response: { 200: InternalCalendarSchema, ...errorResponses(400, 503) },
      },
    },
    async (request, reply) => {
      const receivedAt = performance.now();
      const { waitMs = 0, ...known } = request.query;
      if (waitMs > 0 && (known.version !== undefined || known.customerChangeSeq !== undefined)) {
        // Given up when the caller goes away (the socket closes before the answer).
        const gone = new AbortController();
        reply.raw.once('close', () => gone.abort());
        await watch.wait(known, waitMs, gone.signal);
      }
      // Read after this instant: the caller's send time plus heldMs bounds it from below.
      const heldMs = Math.floor(performance.now() - receivedAt);
      const [current, customerChangeSeq] = await Promise.all([
        store.current(),
        lastCustomerChange(db),
      ]);
      return {
        version: current.version,
        calendar: scheduleView(current.schedule),
        updatedAt: current.updatedAt.toISOString(),
        customerChangeSeq,
        heldMs,
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
