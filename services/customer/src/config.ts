import type { Schedule } from '@screenmagic/hours-window';
import {
  envBoolean,
  type Env,
  loadBusinessCalendar,
  readServiceConfig,
  type ServiceConfig,
} from '@screenmagic/service-kit';

/**
 * The customer service's configuration: the shared service variables (PORT, MYSQL_URL,
 * MYSQL_DATABASE_PREFIX, TEST_CLOCK, …) and the business calendar that seeds an empty
 * database (BUSINESS_CALENDAR / BUSINESS_CALENDAR_FILE), and DEFAULT_MARKETING_CONSENT.
 */
export interface CustomerConfig extends ServiceConfig {
  /**
   * BUSINESS_CALENDAR / BUSINESS_CALENDAR_FILE (or the default): seeds the stored calendar
   * when the database has none. The other services read the stored one from this service.
   */
  readonly businessCalendar: Schedule;
  /** Which variable gave `businessCalendar`; undefined when neither is set (the default calendar). */
  readonly businessCalendarVariable: 'BUSINESS_CALENDAR' | 'BUSINESS_CALENDAR_FILE' | undefined;
  /** DEFAULT_MARKETING_CONSENT (default true): a new customer's consent when none is given. */
  readonly defaultMarketingConsent: boolean;
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
  return Object.freeze({
    ...base,
    businessCalendar: loadBusinessCalendar(env),
    businessCalendarVariable: variable,
    defaultMarketingConsent: envBoolean(env, 'DEFAULT_MARKETING_CONSENT', true),
  });
}
