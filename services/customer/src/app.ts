import {
  type App,
  type Clock,
  clockFor,
  createServiceApp,
  type CreateAppOptions,
  registerTestClockRoutes,
  SettableClock,
} from '@screenmagic/service-kit';
import { CUSTOMER_PATHS } from '@screenmagic/service-kit/contracts';
import type { CustomerConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { migrations } from './db/migrations/index.ts';
import { BusinessCalendarStore } from './calendars/business-calendar-store.ts';
import { ChangeWatch } from './calendars/change-watch.ts';
import { publishedHead } from './db/business-calendar-repository.ts';
import type { CustomerDeps } from './customers/customer-deps.ts';
import { registerBusinessCalendarRoutes } from './routes/business-calendar.ts';
import { registerInternalBusinessCalendarRoutes } from './routes/internal-business-calendar.ts';
import { registerCustomerExplainRoutes } from './routes/customer-explain.ts';
import { registerCustomerRoutes } from './routes/customers.ts';
import { registerInternalCustomerRoutes } from './routes/internal-customers.ts';
import { registerInternalCustomerReplicaRoutes } from './routes/internal-customer-replica.ts';

export { readConfig, type CustomerConfig } from './config.ts';

/** What tests (and the stack) may inject. */
export interface CustomerAppDeps {
  /** "Now" for delivery windows and timestamps. Default: settable under TEST_CLOCK=1, else the system clock. */
  readonly clock?: Clock;
}

/**
 * The customer service: the customer registry, the business calendar and delivery
 * windows, on its own database (created and migrated when the app becomes ready).
 *
 * @throws {Error} when `config.testClock` is set and `deps.clock` is not a SettableClock.
 */
export async function buildApp(
  config: CustomerConfig,
  logger: CreateAppOptions['logger'],
  deps: CustomerAppDeps = {},
): Promise<App> {
  const clock = deps.clock ?? clockFor(config.testClock, config.testClockStart);
  const { app, database } = await createServiceApp<Database>(config, logger, {
    openapi: {
      title: 'screenmagic customer service',
      description: 'Customers, their working hours and delivery windows; the business calendar.',
    },
    migrations,
  });

  const store = new BusinessCalendarStore({
    db: database.db,
    clock,
    seed: { schedule: config.businessCalendar, variable: config.businessCalendarVariable },
    logger: logger || undefined,
  });
  const context: CustomerDeps = {
    db: database.db,
    clock,
    calendar: async () => (await store.current()).schedule,
    defaultMarketingConsent: config.defaultMarketingConsent,
  };
  registerCustomerRoutes(app, context);
  registerCustomerExplainRoutes(app, context);
  registerBusinessCalendarRoutes(app, { clock, store });
  registerInternalCustomerRoutes(app, context);
  // Held calendar requests (long polls) are released by a change: read each second while
  // any waits, at once after a write through this process, all of them on shutdown.
  const watch = new ChangeWatch({
    read: () => publishedHead(database.db),
    logger: logger || undefined,
  });
  app.addHook('onResponse', (request, reply, done) => {
    if (mayHaveWritten(request.method, request.routeOptions.url) && reply.statusCode < 400) {
      watch.nudge();
    }
    done();
  });
  app.addHook('preClose', (done) => {
    watch.close();
    done();
  });
  registerInternalBusinessCalendarRoutes(app, { db: database.db, store, watch });
  registerInternalCustomerReplicaRoutes(app, database.db);
  // Seed (or compare with the stored calendar) as soon as the schema is there, so the
  // warning about a differing variable is in the start-up log, not after the first request.
  app.addHook('onReady', async () => {
    if (database.isReady) await store.current();
  });

  if (config.testClock) {
    if (!(clock instanceof SettableClock)) {
      throw new Error('TEST_CLOCK is set but the injected clock is not a SettableClock');
    }
    // Nothing here comes due by time: the clock only moves "now" for delivery windows.
    registerTestClockRoutes(app, { clock, runDue: () => Promise.resolve({}) });
  }
  return app;
}

/** Whether a request may have changed the calendar or a customer (a lookup is a POST that reads). */
function mayHaveWritten(method: string, route: string | undefined): boolean {
  return method !== 'GET' && method !== 'HEAD' && route !== CUSTOMER_PATHS.lookup;
}
