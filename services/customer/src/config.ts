import { type Env, readServiceConfig, type ServiceConfig } from '@screenmagic/service-kit';

/**
 * The customer service's configuration: the shared service variables (PORT, MYSQL_URL,
 * MYSQL_DATABASE_PREFIX, TEST_CLOCK, …) and the business calendar that seeds an empty
 * database (BUSINESS_CALENDAR / BUSINESS_CALENDAR_FILE).
 */
export interface CustomerConfig extends ServiceConfig {
  /** Which variable gave `businessCalendar`; undefined when neither is set (the default calendar). */
  readonly businessCalendarVariable: 'BUSINESS_CALENDAR' | 'BUSINESS_CALENDAR_FILE' | undefined;
}

/**
 * Reads and validates the environment once, at start.
 *
 * @throws {ConfigError} naming the first bad variable.
 */
export function readConfig(env: Env): CustomerConfig {
  const base = readServiceConfig('customer', env);
  const variable = env['BUSINESS_CALENDAR_FILE']?.trim()
    ? 'BUSINESS_CALENDAR_FILE'
    : env['BUSINESS_CALENDAR']?.trim()
      ? 'BUSINESS_CALENDAR'
      : undefined;
  return Object.freeze({ ...base, businessCalendarVariable: variable });
}
