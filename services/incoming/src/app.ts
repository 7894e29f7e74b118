import {
  type App,
  type Clock,
  clockFor,
  createServiceApp,
  followCalendar,
  type CreateAppOptions,
  newWorkerId,
  PollLoop,
  registerTestClockRoutes,
  runCalendarService,
  servicePublisher,
  SettableClock,
  ServiceClient,
  syncForTestClock,
} from '@screenmagic/service-kit';
import { CustomerDirectory, OutgoingMessages } from '@screenmagic/service-kit/contracts';
import type { Kysely } from 'kysely';
import type { IncomingConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { OrderEvents } from './db/order-event-repository.ts';
import { migrations } from './db/migrations/index.ts';
import { registerIncomingMetrics } from './metrics/incoming-metrics.ts';
import { registerInboundMessageRoutes } from './routes/inbound-messages.ts';
import { registerOrderRoutes } from './routes/orders.ts';
import { CorrectionWorker } from './workers/correction-worker.ts';
import { DueWork } from './workers/due-work.ts';
import { OrderReplanner } from './workers/order-replanner.ts';
import { OrderWorker } from './workers/order-worker.ts';

/** What tests (and the benchmark) reach into: the worker, its loop, the clock, the database. */
export interface IncomingRuntime {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly worker: OrderWorker;
  readonly loop: PollLoop;
  readonly workerId: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    incoming: IncomingRuntime;
  }
}

export interface IncomingDeps {
  /** Stamped on claims; unique per process by default. */
  readonly workerId?: string;
  /** Whether the background worker loop runs (default true; tests of crashes turn it off). */
  readonly runWorker?: boolean;
  /** How long a reading of the order gauges serves scrapes (default 5 s). */
  readonly metricsTtlMs?: number;
}

/**
 * The incoming service: orders, pending orders and their deferred confirmation (SPEC §3
 * "Orders"). Owns `<prefix>incoming`; calls the customer service to resolve customers
 * and the outgoing service to send confirmations; runs the pending-order worker.
 */
export async function buildApp(
  config: IncomingConfig,
  logger: CreateAppOptions['logger'],
  deps: IncomingDeps = {},
): Promise<App> {
  const { app, database } = await createServiceApp<Database>(config, logger, {
    openapi: {
      title: 'screenmagic incoming',
      description:
        'Orders: confirmed while the business is open, pending until it opens otherwise.',
    },
    migrations,
  });
  const log = logger === false ? undefined : logger;

  const clock = clockFor(config.testClock, config.testClockStart);
  registerIncomingMetrics(app.metrics, {
    db: database.db,
    clock,
    isReady: () => database.isReady,
    ...(deps.metricsTtlMs === undefined ? {} : { ttlMs: deps.metricsTtlMs }),
  });
  const workerId = deps.workerId ?? newWorkerId();
  const clientOptions = { timeoutMs: config.upstreamTimeoutMs, token: config.internalToken };
  const customerClient = new ServiceClient('customer', config.serviceUrls.customer, clientOptions);
  // The worker keeps `concurrency` hand-overs in flight; requests need connections too.
  const outgoingClient = new ServiceClient('outgoing', config.serviceUrls.outgoing, {
    ...clientOptions,
    connections: config.worker.concurrency + 16,
  });
  const outgoing = new OutgoingMessages(outgoingClient);
  const customers = new CustomerDirectory(customerClient);

  const events = new OrderEvents({ enabled: config.events !== undefined });
  const publisher = servicePublisher(config.events, database, log, 'order events');
  const worker = new OrderWorker({
    db: database.db,
    events,
    clock,
    outgoing,
    workerId,
    config: config.worker,
    ...(log === undefined ? {} : { logger: log }),
  });
  const corrections = new CorrectionWorker({
    db: database.db,
    clock,
    outgoing,
    customers,
    workerId,
    config: config.worker,
    logger: log,
  });
  const loop = new PollLoop({
    name: 'order-worker',
    // Until the schema is migrated (database down at start) there is nothing to claim.
    runBatch: async () =>
      database.isReady ? (await worker.runBatch()) + (await corrections.runBatch()) : 0,
    pollIntervalMs: config.worker.pollIntervalMs,
    ...(log === undefined ? {} : { logger: log }),
  });
  app.decorate('incoming', { db: database.db, clock, worker, loop, workerId });

  // The business calendar comes from the customer service (it is data there), polled
  // every second; a new version re-plans every pending order (docs/decisions.md).
  const replanner = new OrderReplanner({
    db: database.db,
    clock,
    calendar: () => calendarSource.calendar,
    onMoved: () => loop.wake(),
    events,
    logger: log,
  });
  const calendarSource = followCalendar(customerClient, database.db, log, {
    calendarChanged: async () => {
      await replanner.replanAll();
    },
  });

  // ORDER_WORKER=only: the worker alone (its own Deployment); health and the test clock stay.
  if (config.worker.mode !== 'only') {
    registerInboundMessageRoutes(app, { db: database.db, clock, customers, outgoing });
    registerOrderRoutes(app, {
      db: database.db,
      clock,
      // Read per request: a request before the first read of the calendar is a 503.
      get businessCalendar() {
        return calendarSource.calendar;
      },
      customers,
      outgoing,
      lockId: `${workerId}:request`,
      retryDelayMs: config.worker.retryBaseMs,
      wakeWorker: () => loop.wake(),
      events,
      ...(log === undefined ? {} : { logger: log }),
    });
  }
  if (clock instanceof SettableClock) {
    const dueWork = new DueWork(loop, worker.counts);
    clock.onSet(() => dueWork.mark());
    registerTestClockRoutes(app, {
      clock,
      // The latest calendar first, re-planning finished (SPEC §4), then the due work.
      runDue: async () => {
        const sentBefore = corrections.sent;
        await syncForTestClock(calendarSource, log);
        return { ...(await dueWork.run()), corrected: corrections.sent - sentBefore };
      },
    });
  }

  runCalendarService(app, {
    database,
    calendarSource,
    workers: [loop],
    // ORDER_WORKER=off: API only; another deployment runs the worker.
    startWorkers: deps.runWorker !== false && config.worker.mode !== 'off',
    publisher,
  });
  app.addHook('onClose', async () => {
    await Promise.all([customerClient.close(), outgoingClient.close()]);
  });
  return app;
}
