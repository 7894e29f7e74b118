import type { ColumnType, Generated } from 'kysely';

/** One version of the business calendar: the normalized schedule as JSON text. */
export interface BusinessCalendarTable {
  version: number;
  calendar: string;
  updated_at: Date;
}

/** One change of a customer (any field other services read, or its existence), in commit order (`seq`). */
export interface CustomerChangeTable {
  seq: Generated<string>;
  customer_id: string;
  changed_at: Date;
  /** 1: the change moves queued work (hours, zone, consent, existence); 0: replicas only. */
  replan: ColumnType<number, boolean | undefined, never>;
}

/** One row, locked by every writer of `customer_change` until it commits (migration 0200). */
export interface CustomerChangeWriterTable {
  id: number;
}
