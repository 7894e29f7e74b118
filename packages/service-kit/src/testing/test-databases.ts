import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { inject } from 'vitest';
import { mysqlOptions, quoteIdentifier } from '../db/mysql-options.ts';

/** The server URL for this test run (set up by the global setup). */
export function testMysqlUrl(): URL {
  return new URL(inject('mysqlUrl'));
}

/**
 * A database-name prefix no other test file uses (`t_<label>_<random>_`): a service
 * built with it as MYSQL_DATABASE_PREFIX gets databases of its own. Drop them with
 * `dropTestDatabases` in `afterAll`.
 */
export function uniqueDatabasePrefix(label: string): string {
  const safe = label
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 12);
  return `t_${safe}_${randomBytes(4).toString('hex')}_`;
}

/** Drops every database whose name starts with `prefix`. */
export async function dropTestDatabases(serverUrl: URL, prefix: string): Promise<void> {
  const connection = await createConnection(mysqlOptions(serverUrl));
  try {
    const [rows] = await connection.query('SHOW DATABASES');
    for (const row of rows as Array<Record<string, string>>) {
      const name = Object.values(row)[0];
      if (name?.startsWith(prefix))
        await connection.query(`DROP DATABASE ${quoteIdentifier(name)}`);
    }
  } finally {
    await connection.end();
  }
}
