/**
 * `@screenmagic/service-kit`: everything a service is built from. The HTTP half lives in
 * `./core.ts` (also its own entry, for the gateway); this adds the database, the
 * business calendar and background workers.
 */
export * from './core.ts';

export { DEFAULT_BUSINESS_CALENDAR, loadBusinessCalendar } from './config/business-calendar.ts';
export {
  CalendarSource,
  type CalendarSourceOptions,
  syncForTestClock,
  type TimeRulesListener,
} from './calendar/calendar-source.ts';
export {
  type BackgroundPart,
  followCalendar,
  runCalendarService,
} from './calendar/calendar-service.ts';
export {
  createSyncStateTable,
  SYNC_STATE_TABLE,
  type SyncState,
  type SyncStateStore,
  syncStateStore,
} from './calendar/sync-state.ts';
export { readServiceConfig, type ServiceConfig } from './config/service-config.ts';

export { isDatabaseUnavailable, isDeadlock, isDuplicateKey } from './db/database-errors.ts';
export { insertOnce, type InsertOnceResult } from './db/insert-once.ts';
export {
  dropDatabase,
  ManagedDatabase,
  type ManagedDatabaseOptions,
  MigrationError,
} from './db/managed-database.ts';
export { mysqlOptions, quoteIdentifier } from './db/mysql-options.ts';
export { useDatabase } from './db/use-database.ts';
export { createServiceApp } from './server/service-app.ts';

export { backoffMs, type BackoffPolicy, nominalBackoffMs } from './queue/backoff.ts';
export { databaseNow } from './queue/database-now.ts';
export { heartbeatIntervalMs, startHeartbeat } from './queue/heartbeat.ts';
export {
  type Claimed,
  type QueueColumns,
  type QueueTableName,
  type QueueUpdate,
  WorkQueue,
  type WorkQueueTable,
} from './queue/work-queue.ts';
export { newWorkerId } from './queue/worker-id.ts';

export { forEachLimited } from './worker/for-each-limited.ts';
export { PollLoop, type PollLoopOptions } from './worker/poll-loop.ts';

export {
  addEventTraceParent,
  createEventOutbox,
  databaseEventId,
  dropEventOutbox,
  dropEventTraceParent,
  enqueueEvents,
  type EventOutboxTable,
  type OutboxEvent,
  type WithEventOutbox,
} from './events/event-outbox.ts';
export { EventPublisher, type EventPublisherOptions, eventBody } from './events/event-publisher.ts';
export { servicePublisher } from './events/service-events.ts';
export {
  type EventsWebhookConfig,
  readEventsWebhook,
  readWebhookSecrets,
} from './events/webhook-secrets.ts';
export {
  type SigningKey,
  type StandardWebhookHeaders,
  WebhookSigner,
} from './events/webhook-signer.ts';
