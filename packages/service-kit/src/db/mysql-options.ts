import type { PoolOptions } from 'mysql2';

/**
 * mysql2 options for a server URL (`mysql://user:password@host:port`, no database in the
 * path) and, optionally, a database. Instants are stored as UTC `DATETIME(3)`, so the
 * driver converts in UTC (`timezone: 'Z'`), whatever the server's or process's zone.
 */
export function mysqlOptions(serverUrl: URL, database?: string): PoolOptions {
  return {
    host: serverUrl.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: serverUrl.port === '' ? 3306 : Number(serverUrl.port),
    user: decodeURIComponent(serverUrl.username || 'root'),
    password: decodeURIComponent(serverUrl.password),
    ...(database === undefined ? {} : { database }),
    timezone: 'Z',
    charset: 'utf8mb4',
    // A database that is down must fail fast (503), not hang the request.
    connectTimeout: 3_000,
    enableKeepAlive: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    // DECIMAL columns come back as exact strings ("499.00"), never floats.
    decimalNumbers: false,
  };
}

/** A database name as a quoted identifier (names are [A-Za-z0-9_] by configuration). */
export function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) throw new RangeError(`bad database name: ${name}`);
  return `\`${name}\``;
}
