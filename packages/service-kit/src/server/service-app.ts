import type { ServiceConfig } from '../config/service-config.ts';
import { ManagedDatabase, type ManagedDatabaseOptions } from '../db/managed-database.ts';
import { useDatabase } from '../db/use-database.ts';
import { type App, createApp, type CreateAppOptions } from '../http/create-app.ts';

/**
 * A service's app (its `/internal/*` behind `INTERNAL_TOKEN`) and its own database
 * (`config.databaseName` on `config.mysqlUrl`, migrated with `migrations` when the app is
 * ready; {@link useDatabase}) — how the customer, incoming and outgoing services start.
 */
export async function createServiceApp<DB>(
  config: Pick<ServiceConfig, 'internalToken' | 'mysqlUrl' | 'databaseName' | 'databasePoolSize'>,
  logger: CreateAppOptions['logger'],
  options: {
    readonly openapi: NonNullable<CreateAppOptions['openapi']>;
    readonly migrations: ManagedDatabaseOptions['migrations'];
  },
): Promise<{ readonly app: App; readonly database: ManagedDatabase<DB> }> {
  const app = await createApp({
    logger,
    internalToken: config.internalToken,
    openapi: options.openapi,
  });
  const database = new ManagedDatabase<DB>({
    serverUrl: config.mysqlUrl,
    database: config.databaseName,
    poolSize: config.databasePoolSize,
    migrations: options.migrations,
    ...(logger === false ? {} : { logger }),
  });
  useDatabase(app, database);
  return { app, database };
}
