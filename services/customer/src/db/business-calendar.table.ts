import type { Generated } from 'kysely';

/** One version of the business calendar: the normalized schedule as JSON text. */
export interface BusinessCalendarTable {
  version: number;
  calendar: string;
  updated_at: Date;
}

/** One change of a customer's hours, zone or existence, in commit order (`seq`). */
export interface CustomerChangeTable {
  seq: Generated<string>;
  customer_id: string;
  changed_at: Date;
}
