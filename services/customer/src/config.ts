import { type Env, readServiceConfig, type ServiceConfig } from '@screenmagic/service-kit';

/**
 * The customer service's configuration: the shared service variables (PORT, MYSQL_URL,
 * MYSQL_DATABASE_PREFIX, BUSINESS_CALENDAR / BUSINESS_CALENDAR_FILE, TEST_CLOCK, …). The
 * service has no variables of its own.
 */
export type CustomerConfig = ServiceConfig;

/**
 * Reads and validates the environment once, at start.
 *
 * @throws {ConfigError} naming the first bad variable.
 */
export function readConfig(env: Env): CustomerConfig {
  return readServiceConfig('customer', env);
}
