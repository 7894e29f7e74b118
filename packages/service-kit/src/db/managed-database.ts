import { Kysely, MysqlDialect } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import { createPool } from 'mysql2';
import { createConnection as createPromiseConnection } from 'mysql2/promise';
import type { Logger } from 'pino';
import { toError } from '../errors.ts';
import { isDatabaseUnavailable } from './database-errors.ts';
import { mysqlOptions, quoteIdentifier } from './mysql-options.ts';

export interface ManagedDatabaseOptions {
  readonly serverUrl: URL;
  readonly database: string;
  readonly poolSize: number;
  /** Migrations by name; applied in name order (names start with a timestamp). */
  readonly migrations: Readonly<Record<string, Migration>>;
  readonly logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Delay between attempts while the server is unreachable at start. */
  readonly retryDelayMs?: number;
}

/**
 * Every connection's first statement. A single-table `UPDATE` assigns left to right, so a
 * later assignment that reads a column sees the value just set (MySQL documents it; the
 * outgoing completion writes one instant expression and copies it: docs/decisions.md, "One
 * instant expression per completion"). MariaDB can be configured otherwise
 * (`SIMULTANEOUS_ASSIGNMENT` in `sql_mode`, off by default): the versioned comment, run
 * by MariaDB 10.3.5 and later only, takes it out of the session; MySQL runs `SET @… = 1`.
 */
export const ASSIGN_LEFT_TO_RIGHT =
  "SET @screenmagic_session = 1 /*M!100305 , SESSION sql_mode = REPLACE(@@SESSION.sql_mode, 'SIMULTANEOUS_ASSIGNMENT', '') */";

export class MigrationError extends Error {
  readonly migration: string | undefined;
  constructor(migration: string | undefined, cause: unknown) {
    super(
      `migration ${migration ?? '(unknown)'} failed: ${(cause as Error)?.message ?? String(cause)}`,
      {
        cause,
      },
    );
    this.name = 'MigrationError';
    this.migration = migration;
  }
}

/**
 * A service's own database: created if missing, migrated on start (Kysely's Migrator
 * takes a MySQL `GET_LOCK`, so replicas starting together migrate once), and tracked for
 * readiness. When the server is down at start the service still starts (liveness holds,
 * readiness fails, requests get 503) and keeps trying until it is up.
 */
export class ManagedDatabase<DB> {
  readonly db: Kysely<DB>;
  readonly name: string;
  readonly #options: ManagedDatabaseOptions;
  #migrated = false;
  #closed = false;
  #retry: NodeJS.Timeout | undefined;
  #starting: Promise<void> | undefined;

  constructor(options: ManagedDatabaseOptions) {
    this.#options = options;
    this.name = options.database;
    const pool = createPool({
      ...mysqlOptions(options.serverUrl, options.database),
      connectionLimit: options.poolSize,
      maxIdle: options.poolSize,
      idleTimeout: 60_000,
    });
    pool.on('connection', (connection) => {
      // Queued before the connection's first statement: see ASSIGN_LEFT_TO_RIGHT.
      // A failure (the connection lost at once) surfaces again on its first query: logged.
      connection.query(ASSIGN_LEFT_TO_RIGHT, (error) => {
        if (error) {
          options.logger?.warn({ err: error, database: this.name }, 'session setup failed');
        }
      });
    });
    this.db = new Kysely<DB>({ dialect: new MysqlDialect({ pool }) });
  }

  /** True once the schema is migrated: routes may use the database. */
  get isReady(): boolean {
    return this.#migrated && !this.#closed;
  }

  /**
   * Creates and migrates the database. Resolves after the first attempt either way; if it
   * failed because the server is unreachable, retries in the background until it works.
   * A migration that fails for another reason rejects: the service must not run on a
   * half-migrated schema.
   */
  start(): Promise<void> {
    this.#starting ??= this.#attempt();
    return this.#starting;
  }

  async #attempt(): Promise<void> {
    try {
      await this.migrate();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || this.#closed) throw error;
      this.#options.logger?.warn(
        { err: error, database: this.name },
        'database unreachable at start; retrying in the background',
      );
      this.#scheduleRetry();
    }
  }

  #scheduleRetry(): void {
    if (this.#closed) return;
    this.#retry = setTimeout(() => {
      this.migrate().catch((error: unknown) => {
        if (isDatabaseUnavailable(error)) return this.#scheduleRetry();
        this.#options.logger?.error({ err: error, database: this.name }, 'migration failed');
        process.exitCode = 1;
        process.kill(process.pid, 'SIGTERM');
      });
    }, this.#options.retryDelayMs ?? 2_000);
    this.#retry.unref();
  }

  /** Creates the database if missing and applies pending migrations; throws on failure. */
  async migrate(): Promise<void> {
    await ensureDatabaseExists(this.#options.serverUrl, this.name);
    const migrator = new Migrator({
      db: this.db,
      provider: { getMigrations: () => Promise.resolve({ ...this.#options.migrations }) },
      // Branches land in any order: a migration named before one already applied (a
      // branch's, merged after another's landed) is applied, not refused (decisions.md).
      allowUnorderedMigrations: true,
    });
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((result) => result.status === 'Error');
    if (error !== undefined) {
      if (isDatabaseUnavailable(error)) throw toError(error);
      throw new MigrationError(failed?.migrationName, error);
    }
    for (const result of results ?? []) {
      this.#options.logger?.info(
        { migration: result.migrationName, database: this.name },
        'migrated',
      );
    }
    this.#migrated = true;
  }

  /** Readiness: the server answers and the schema is migrated. */
  async check(): Promise<void> {
    if (!this.#migrated) throw new Error('database is not ready: migrations not applied yet');
    await this.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    await this.db.destroy();
  }
}

/** `CREATE DATABASE IF NOT EXISTS`, utf8mb4, over a short-lived connection. */
async function ensureDatabaseExists(serverUrl: URL, database: string): Promise<void> {
  const connection = await createPromiseConnection(mysqlOptions(serverUrl));
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS ${quoteIdentifier(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`,
    );
  } finally {
    await connection.end();
  }
}

/** Drops a database if it exists (tests clean up after themselves). */
export async function dropDatabase(serverUrl: URL, database: string): Promise<void> {
  const connection = await createPromiseConnection(mysqlOptions(serverUrl));
  try {
    await connection.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)}`);
  } finally {
    await connection.end();
  }
}
