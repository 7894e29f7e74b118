import type { ColumnType } from 'kysely';

/** `customer_replica`: what outgoing keeps of a customer, as of change `seq` (migration 0200). */
export interface CustomerReplicaTable {
  id: string;
  /** The customer service's change number this row is as of (bigint, read as a string). */
  seq: ColumnType<string, string, string>;
  /** 1: a tombstone (the customer was deleted); the other columns are placeholders. */
  deleted: ColumnType<number, boolean, boolean | number>;
  name: string;
  phone: string | null;
  marketing_consent: ColumnType<number, boolean, boolean>;
  time_zone: string;
  /** The normalized schedule, as the JSON text the customer service sent. */
  working_hours: string;
}

/** `customer_replica_state`: one row (id 1), the change number applied up to. */
export interface CustomerReplicaStateTable {
  id: number;
  applied_seq: ColumnType<string, string, string>;
}
