import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/create-app.ts';
import {
  ASSIGN_LEFT_TO_RIGHT,
  ManagedDatabase,
  MigrationError,
} from '../src/db/managed-database.ts';
import { useDatabase } from '../src/db/use-database.ts';
import {
  dropTestDatabases,
  testMysqlUrl,
  uniqueDatabasePrefix,
} from '../src/testing/test-databases.ts';

interface Database {
  thing: { id: number; label: string };
}

const migrations = {
  '2026_11_27_0001_create_thing': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('thing')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('label', 'varchar(50)', (c) => c.notNull())
        .execute();
    },
  },
};

describe('ManagedDatabase', () => {
  const serverUrl = testMysqlUrl();
  const prefix = uniqueDatabasePrefix('kitdb');
  afterAll(() => dropTestDatabases(serverUrl, prefix));

  it('creates the database if missing and applies migrations once, even when started twice at once', async () => {
    const options = { serverUrl, database: `${prefix}a`, poolSize: 2, migrations };
    const first = new ManagedDatabase<Database>(options);
    const second = new ManagedDatabase<Database>(options);
    await Promise.all([first.start(), second.start()]);
    expect(first.isReady && second.isReady).toBe(true);
    await first.db.insertInto('thing').values({ id: 1, label: 'one' }).execute();
    const applied = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(
      second.db,
    );
    expect(Number(applied.rows[0]?.n)).toBe(1);
    await first.check();
    await Promise.all([first.close(), second.close()]);
  });

  it('assigns left to right on every connection, even where MariaDB was set to assign simultaneously', async () => {
    const managed = new ManagedDatabase<Database>({
      serverUrl,
      database: `${prefix}d`,
      poolSize: 1,
      migrations,
    });
    await managed.start();
    // Every pooled connection ran the statement before its first query.
    const marker = await sql<{ v: string | number }>`SELECT @screenmagic_session AS v`.execute(
      managed.db,
    );
    expect(Number(marker.rows[0]?.v)).toBe(1);
    // The statement itself, on a session configured the other way (where the server is
    // MariaDB; MySQL has no such mode and always assigns left to right).
    await sql`CREATE TABLE pair (a INT, b INT)`.execute(managed.db);
    await sql`INSERT INTO pair VALUES (1, 0)`.execute(managed.db);
    await managed.db.connection().execute(async (conn) => {
      const mariadb = await sql<{ v: string }>`SELECT VERSION() AS v`.execute(conn);
      if (/mariadb/i.test(mariadb.rows[0]?.v ?? '')) {
        await sql`SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',SIMULTANEOUS_ASSIGNMENT')`.execute(
          conn,
        );
        await sql`UPDATE pair SET a = 5, b = a`.execute(conn);
        const simultaneous = await sql<{ b: number }>`SELECT b FROM pair`.execute(conn);
        expect(simultaneous.rows[0]?.b).toBe(1);
      }
      await sql.raw(ASSIGN_LEFT_TO_RIGHT).execute(conn);
      await sql`UPDATE pair SET a = 7, b = a`.execute(conn);
      const ordered = await sql<{ b: number }>`SELECT b FROM pair`.execute(conn);
      expect(ordered.rows[0]?.b).toBe(7);
    });
    await managed.close();
  });

  it('fails the start on a broken migration instead of running half-migrated', async () => {
    const broken = new ManagedDatabase({
      serverUrl,
      database: `${prefix}b`,
      poolSize: 1,
      migrations: {
        '0001_broken': {
          up: (db: Kysely<unknown>) => sql`create tabel nope`.execute(db).then(() => {}),
        },
      },
    });
    await expect(broken.start()).rejects.toBeInstanceOf(MigrationError);
    expect(broken.isReady).toBe(false);
    await broken.close();
  });

  it('starts while the server is unreachable: readiness fails and requests get 503, not 500', async () => {
    const down = new ManagedDatabase({
      serverUrl: new URL('mysql://root@127.0.0.1:1'),
      database: `${prefix}c`,
      poolSize: 1,
      migrations,
      retryDelayMs: 60_000,
    });
    const app = await createApp({ logger: false });
    useDatabase(app, down);
    app.get('/things', () => ({ items: [] }));
    await app.ready();
    expect(down.isReady).toBe(false);
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    const request = await app.inject({ method: 'GET', url: '/things' });
    expect(request.statusCode).toBe(503);
    expect(request.headers['retry-after']).toBe('5');
    expect(request.json().error.code).toBe('DATABASE_UNAVAILABLE');
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await app.close();
  });
});
