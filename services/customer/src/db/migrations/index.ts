import type { Migration } from 'kysely/migration';
import * as createCustomer from './2026_11_27_0001_create_customer.ts';
import * as businessCalendar from './2026_12_04_0001_business_calendar.ts';
import * as consentAndPhoneKey from './2026_12_04_0101_consent_and_phone_key.ts';
import * as customerChangeOrder from './2026_12_04_0200_customer_change_order.ts';

/** Every migration of the customer database, by name (applied in name order). */
export const migrations: Readonly<Record<string, Migration>> = Object.freeze({
  '2026_11_27_0001_create_customer': createCustomer,
  '2026_12_04_0001_business_calendar': businessCalendar,
  '2026_12_04_0101_consent_and_phone_key': consentAndPhoneKey,
  '2026_12_04_0200_customer_change_order': customerChangeOrder,
});
