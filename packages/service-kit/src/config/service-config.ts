import { ConfigError } from './config-error.ts';
import {
  envCallTimeoutMs,
  envInteger,
  envPort,
  envShutdownTimeoutMs,
  envString,
  envTestClock,
  envTestClockStart,
  envUrl,
  type Env,
} from './env.ts';

import { envInternalToken } from './internal-token.ts';
import { DEFAULT_PORTS, type ServiceName } from '../contracts/services.ts';
import { readServiceUrls } from './service-urls.ts';

/** What every service reads from its environment. */
export interface ServiceConfig {
  readonly service: ServiceName;
  readonly port: number;
  readonly host: string;
  readonly logLevel: string;
  /** The MySQL server (no database in the path). */
  readonly mysqlUrl: URL;
  /** `<MYSQL_DATABASE_PREFIX><service>`: this service's own database. */
  readonly databaseName: string;
  readonly databasePoolSize: number;
  readonly testClock: boolean;
  /** `TEST_CLOCK_START`: where the test clock starts frozen (unset: it follows the system clock). */
  readonly testClockStart: Date | undefined;
  readonly serviceUrls: Readonly<Record<ServiceName, URL>>;
  /** `INTERNAL_TOKEN`: asked for on this service's `/internal/*`, sent on calls to the others. */
  readonly internalToken: string | undefined;
  /** How long a call to another service may take before it counts as down. */
  readonly upstreamTimeoutMs: number;
  readonly shutdownTimeoutMs: number;
}

const DATABASE_PREFIX_PATTERN = /^[A-Za-z0-9_]{0,40}$/;

/**
 * Reads and validates the shared configuration once at start. Throws ConfigError naming
 * the first bad variable. Refuses TEST_CLOCK, and requires INTERNAL_TOKEN, under
 * NODE_ENV=production.
 */
export function readServiceConfig(service: ServiceName, env: Env): ServiceConfig {
  const prefix = envString(env, 'MYSQL_DATABASE_PREFIX', 'screenmagic_');
  if (!DATABASE_PREFIX_PATTERN.test(prefix)) {
    throw new ConfigError(
      'MYSQL_DATABASE_PREFIX',
      `'${prefix}' may hold only letters, digits and _ (at most 40)`,
    );
  }
  const testClock = envTestClock(env);
  return Object.freeze({
    service,
    port: envPort(env, 'PORT', DEFAULT_PORTS[service]),
    host: envString(env, 'HOST', '0.0.0.0'),
    logLevel: envString(env, 'LOG_LEVEL', 'info'),
    mysqlUrl: envUrl(env, 'MYSQL_URL', 'mysql://root@127.0.0.1:3306', ['mysql:']),
    databaseName: `${prefix}${service}`,
    databasePoolSize: envInteger(env, 'MYSQL_POOL_SIZE', { fallback: 10, min: 1, max: 200 }),
    testClock,
    testClockStart: envTestClockStart(env, testClock),
    serviceUrls: readServiceUrls(env),
    internalToken: envInternalToken(env, { requiredInProduction: true }),
    upstreamTimeoutMs: envCallTimeoutMs(env, 'UPSTREAM_TIMEOUT_MS', {
      fallback: 5_000,
      max: 120_000,
    }),
    shutdownTimeoutMs: envShutdownTimeoutMs(env),
  });
}
