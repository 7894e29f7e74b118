/**
 * `@screenmagic/service-kit`: everything a service is built from. The HTTP half lives in
 * `./core.ts` (also its own entry, for the gateway); this adds the database, the
 * business calendar and background workers.
 */
export * from './core.ts';

export { DEFAULT_BUSINESS_CALENDAR, loadBusinessCalendar } from './config/business-calendar.ts';
export { readServiceConfig, type ServiceConfig } from './config/service-config.ts';

export { isDatabaseUnavailable } from './db/database-errors.ts';
export {
  dropDatabase,
  ensureDatabaseExists,
  ManagedDatabase,
  type ManagedDatabaseOptions,
  MigrationError,
} from './db/managed-database.ts';
export { mysqlOptions, quoteIdentifier } from './db/mysql-options.ts';
export { useDatabase } from './db/use-database.ts';

export { forEachLimited } from './worker/for-each-limited.ts';
export { PollLoop, type PollLoopOptions } from './worker/poll-loop.ts';
