import {
  type App,
  type Clock,
  clockFor,
  createServiceApp,
  followCalendar,
  registerTestClockRoutes,
  runCalendarService,
  servicePublisher,
  ServiceClient,
  SettableClock,
  syncForTestClock,
} from '@screenmagic/service-kit';
import { CustomerDirectory } from '@screenmagic/service-kit/contracts';
import type { Logger } from 'pino';
import type { Channel } from './clients/channel.ts';
import { LogChannel } from './clients/log-channel.ts';
import { WebhookChannel } from './clients/webhook-channel.ts';
import type { OutgoingConfig } from './config.ts';
import type { OutgoingContext } from './routes/context.ts';
import type { Database } from './db/database.ts';
import { migrations } from './db/migrations/index.ts';
import { Dispatcher } from './workers/dispatcher.ts';
import { registerOutgoingMetrics } from './metrics/outgoing-metrics.ts';
import { MessageHistory } from './db/message-history-repository.ts';
import { ScheduleCache } from './domain/schedule-cache.ts';
import { registerBroadcastRoutes } from './routes/broadcasts.ts';
import { registerInternalMessageRoutes } from './routes/internal-messages.ts';
import { registerMessageExplainRoutes } from './routes/message-explain.ts';
import { registerMessageRoutes } from './routes/messages.ts';
import { suppressOptedOut } from './messages/suppress-opted-out.ts';
import { Replanner } from './workers/replanner.ts';
import { CustomerReplica } from './workers/customer-replica.ts';

export type { OutgoingConfig } from './config.ts';
export { readConfig } from './config.ts';

/** What tests (and the benchmarks) may replace. */
export interface OutgoingDeps {
  readonly clock?: Clock;
  /** The delivery channel; by default the webhook (DELIVERY_WEBHOOK_URL) or the log. */
  readonly channel?: Channel;
  /** Owner prefix of this process's dispatcher workers (`dispatch_batch.owner`). */
  readonly instanceId?: string;
  /** How long a reading of the queue gauges serves scrapes (default 5 s). */
  readonly queueMetricsTtlMs?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The outgoing service's dispatcher (tests drive and stop it). */
    dispatcher: Dispatcher;
  }
}

/**
 * The outgoing service: broadcasts, the message queue and its dispatcher, the delivery
 * channels. `config.dispatcher.mode` decides whether this process serves the API, runs
 * the dispatcher, or both (README, "Deployments").
 */
export async function buildApp(
  config: OutgoingConfig,
  logger: Logger | false,
  deps: OutgoingDeps = {},
): Promise<App> {
  const clock = deps.clock ?? clockFor(config.testClock, config.testClockStart);
  const { app, database } = await createServiceApp<Database>(config, logger, {
    openapi: {
      title: 'screenmagic outgoing',
      description: 'Broadcasts, the message queue, delivery to customers inside their windows',
    },
    migrations,
  });
  const log = logger === false ? undefined : logger;

  const customerClient = new ServiceClient('customer', config.serviceUrls.customer, {
    timeoutMs: config.upstreamTimeoutMs,
    token: config.internalToken,
  });
  const directory = new CustomerDirectory(customerClient);
  const channel =
    deps.channel ??
    (config.webhook
      ? new WebhookChannel({
          url: config.webhook.url,
          secret: config.webhook.secret,
          signer: config.webhook.signer,
          timeoutMs: config.webhook.timeoutMs,
          connections: config.dispatcher.concurrency,
        })
      : new LogChannel(log));
  if (config.webhook && config.webhook.secret === '') {
    log?.warn(
      'DELIVERY_WEBHOOK_SECRET is not set: webhook deliveries are signed with an empty key',
    );
  }
  const schedules = new ScheduleCache();
  const history = new MessageHistory({ events: config.events !== undefined });
  const events = servicePublisher(config.events, database, log, 'status events');
  // The business calendar comes from the customer service (it is data there), polled
  // every second; a new version re-plans every queued message (docs/decisions.md).
  const calendarSource = followCalendar(customerClient, database.db, log, {
    calendarChanged: async () => {
      await replanner.replanAll();
    },
    customersChanged: async (ids) => {
      await replanner.replanCustomers(ids);
      await suppressOptedOut({ db: database.db, clock, directory, history }, ids);
    },
    // The same answer tells the replica whether it is still at the feed's end.
    customerChangeHead: (seq, askedAt) => replica.headSeen(seq, askedAt),
  });
  const calendar = () => calendarSource.calendar;
  const metrics = registerOutgoingMetrics(app.metrics, {
    db: database.db,
    clock,
    isReady: () => database.isReady,
    ...(deps.queueMetricsTtlMs === undefined ? {} : { ttlMs: deps.queueMetricsTtlMs }),
  });
  const replanner = new Replanner({
    db: database.db,
    clock,
    calendar,
    directory,
    schedules,
    history,
    logger: log,
    metrics,
  });
  // What dispatch knows of the customers: its own replica, fed by the customer service's
  // change feed; nothing is sent on it once it cannot prove it is fresh (docs/decisions.md).
  const replica = new CustomerReplica({
    db: database.db,
    directory,
    maxStalenessMs: config.replica.maxStalenessMs,
    pollIntervalMs: config.replica.pollIntervalMs,
    logger: log,
    onCaughtUp: () => dispatcher.wake(),
  });
  const dispatcher = new Dispatcher({
    metrics,
    db: database.db,
    clock,
    calendar,
    customers: replica,
    channel,
    schedules,
    history,
    config: config.dispatcher,
    marketingCapPerDay: config.marketingCapPerDay,
    // Nothing is dispatched before the calendar was read and the replica filled (a window
    // needs both).
    isReady: () =>
      database.isReady && calendarSource.isLoaded && replica.isFilled && !replica.awaitingCatchUp,
    logger: log,
    ...(deps.instanceId ? { instanceId: deps.instanceId } : {}),
  });
  app.decorate('dispatcher', dispatcher);

  const context: OutgoingContext = {
    config,
    db: database.db,
    clock,
    // Read per request: a request before the first read of the calendar is a 503.
    get calendar() {
      return calendarSource.calendar;
    },
    directory,
    schedules,
    dispatcher,
    history,
    replica,
  };
  if (config.dispatcher.mode !== 'only') {
    registerBroadcastRoutes(app, context);
    registerMessageRoutes(app, context);
    registerMessageExplainRoutes(app, context);
    registerInternalMessageRoutes(app, context);
  }
  if (config.testClock && clock instanceof SettableClock) {
    clock.onSet(() => {
      replica.clockMoved();
      dispatcher.startReport();
    });
    registerTestClockRoutes(app, {
      clock,
      // The latest calendar and customer changes first, re-planning finished (SPEC §4).
      runDue: async () => {
        await syncForTestClock(calendarSource, log);
        // The replica catches up too; if it cannot, it is unproven and the batch deferred.
        await replica.sync().catch((error: unknown) => {
          log?.warn({ err: error }, 'test clock: could not bring the customer replica up to date');
        });
        return { ...(await dispatcher.runDue()) };
      },
    });
  }

  runCalendarService(app, {
    database,
    calendarSource,
    // The replica first: the dispatcher waits for its first fill (woken when it is done).
    workers: [replica, dispatcher],
    startWorkers: config.dispatcher.mode !== 'off',
    publisher: events,
  });
  app.addHook('onClose', async () => {
    await Promise.allSettled([channel.close(), customerClient.close()]);
  });
  return app;
}
