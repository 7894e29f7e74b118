/**
 * Applies the services' database migrations, for operators (the services also migrate on
 * start, under the same lock). Same environment as the services.
 *
 *   pnpm migrate                          every service (in an image: the one it holds)
 *   pnpm migrate --service customer       one (repeatable)
 *   pnpm migrate --status                 list applied and pending migrations, change nothing
 *
 * Each service's database is `<MYSQL_DATABASE_PREFIX><service>` on `MYSQL_URL`; a
 * `<SERVICE>_MYSQL_URL` (e.g. `CUSTOMER_MYSQL_URL`) overrides the server URL for that one
 * service, so an operator can use each service's own user. The database is created if
 * missing. Kysely's Migrator holds a MySQL `GET_LOCK` while it migrates, so this is safe
 * while services are starting or running. Migrations are forward-only.
 *
 * Exit codes: 0 done; 1 a migration or the connection failed (the error is printed);
 * 64 bad arguments; 78 bad configuration (the variable is named).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  ConfigError,
  ManagedDatabase,
  readServiceConfig,
  SERVICE_NAMES,
  type ServiceName,
} from '../packages/service-kit/src/index.ts';

type Migrations = ConstructorParameters<typeof ManagedDatabase>[0]['migrations'];

/** The table Kysely's Migrator keeps (for --status). */
interface MigrationTables {
  kysely_migration: { name: string; timestamp: string };
}

function migrationsIndex(service: ServiceName): URL {
  return new URL(`../services/${service}/src/db/migrations/index.ts`, import.meta.url);
}

async function loadMigrations(service: ServiceName): Promise<Migrations> {
  const module: unknown = await import(migrationsIndex(service).href);
  const migrations = (module as { migrations?: unknown }).migrations;
  if (typeof migrations !== 'object' || migrations === null) {
    throw new Error(
      `services/${service}/src/db/migrations/index.ts exports no \`migrations\` object`,
    );
  }
  for (const [name, migration] of Object.entries(migrations)) {
    if (typeof (migration as { up?: unknown }).up !== 'function') {
      throw new Error(`migration ${name} of ${service} has no up() function`);
    }
  }
  return migrations as Migrations;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

function fail(code: number, message: string): never {
  process.stderr.write(`migrate: ${message}\n`);
  process.exit(code);
}

function envFor(service: ServiceName): NodeJS.ProcessEnv {
  const override = process.env[`${service.toUpperCase()}_MYSQL_URL`]?.trim();
  return override ? { ...process.env, MYSQL_URL: override } : process.env;
}

/** A logger in the shape ManagedDatabase wants, printing one readable line per event. */
function lineLogger(service: ServiceName) {
  const print =
    (level: string) =>
    (fields: unknown, message?: string): void => {
      const migration = (fields as { migration?: unknown } | null)?.migration;
      const text = typeof fields === 'string' ? fields : (message ?? '');
      const label = level === 'info' ? '' : `${level}: `;
      out(`${service}: ${label}${text}${typeof migration === 'string' ? ` ${migration}` : ''}`);
    };
  return { info: print('info'), warn: print('warn'), error: print('error') };
}

async function migrateService(service: ServiceName, statusOnly: boolean): Promise<void> {
  const config = readServiceConfig(service, envFor(service));
  const migrations = await loadMigrations(service);
  const database = new ManagedDatabase<MigrationTables>({
    serverUrl: config.mysqlUrl,
    database: config.databaseName,
    poolSize: 2,
    migrations,
    logger: lineLogger(service),
  });
  try {
    if (statusOnly) {
      const applied = await appliedMigrations(database);
      out(`${service}: database ${config.databaseName} on ${config.mysqlUrl.host}`);
      for (const name of Object.keys(migrations).sort()) {
        const at = applied.get(name);
        out(
          `  ${at === undefined ? 'pending ' : 'applied '} ${name}${at === undefined ? '' : `  (${at})`}`,
        );
      }
      for (const name of applied.keys()) {
        if (!Object.hasOwn(migrations, name))
          out(`  unknown   ${name}  (applied, not in this code: newer version?)`);
      }
      return;
    }
    const started = performance.now();
    await database.migrate();
    out(
      `${service}: database ${config.databaseName} is up to date ` +
        `(${count(Object.keys(migrations).length, 'migration')}, ${Math.round(performance.now() - started)} ms)`,
    );
  } finally {
    await database.close();
  }
}

async function appliedMigrations(
  database: ManagedDatabase<MigrationTables>,
): Promise<Map<string, string>> {
  try {
    const rows = await database.db
      .selectFrom('kysely_migration')
      .select(['name', 'timestamp'])
      .orderBy('name')
      .execute();
    return new Map(rows.map((row) => [row.name, String(row.timestamp)]));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // No database or no migration table yet: nothing applied.
    if (code === 'ER_BAD_DB_ERROR' || code === 'ER_NO_SUCH_TABLE') return new Map();
    throw error;
  }
}

/** The error's message; network errors (an AggregateError, often with no message) by their code. */
function describe(error: unknown): string {
  const { message, code, errors } = error as {
    message?: string;
    code?: string;
    errors?: unknown[];
  };
  if (message) return message;
  if (code) return code;
  const inner = errors?.map(describe).join('; ');
  return inner || String(error);
}

async function main(): Promise<void> {
  let values: { service?: string[]; status?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        service: { type: 'string', short: 's', multiple: true },
        status: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(
      64,
      `${(error as Error).message}\nusage: pnpm migrate [--service customer|outgoing|incoming]... [--status]`,
    );
  }
  if (values.help) {
    out('usage: pnpm migrate [--service customer|outgoing|incoming]... [--status]');
    return;
  }
  const present = SERVICE_NAMES.filter((service) => existsSync(migrationsIndex(service)));
  const requested = values.service ?? present;
  for (const name of requested) {
    if (!SERVICE_NAMES.includes(name as ServiceName)) {
      fail(64, `unknown service '${name}' (one of ${SERVICE_NAMES.join(', ')})`);
    }
    if (!present.includes(name as ServiceName)) {
      fail(64, `services/${name} is not here (an image holds only its own service)`);
    }
  }
  if (requested.length === 0) fail(64, 'no service migrations found');
  for (const service of requested as ServiceName[]) {
    try {
      await migrateService(service, values.status === true);
    } catch (error) {
      if (error instanceof ConfigError) fail(78, `invalid configuration: ${error.message}`);
      fail(1, `${service}: ${describe(error)}`);
    }
  }
}

await main();
