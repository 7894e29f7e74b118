import type { ColumnType, Selectable } from 'kysely';

/**
 * `customer`: one row per customer. `name_key` (the name trimmed, NFC-normalized and
 * lower-cased, in a `utf8mb4_bin` column with a unique index) is what makes names unique:
 * the database decides, so two concurrent creates cannot both win.
 */
export interface CustomerTable {
  id: string;
  /** As given, trimmed and NFC-normalized. */
  name: string;
  name_key: string;
  /** E.164, or null. */
  phone: string | null;
  /** The zone of `working_hours` (kept in its own column for operators and queries). */
  time_zone: string;
  /**
   * The normalized schedule as JSON. Written as text; read back as text on MariaDB (JSON
   * is LONGTEXT there) and as an object on MySQL 8 (mysql2 parses JSON columns).
   */
  working_hours: ColumnType<unknown, string, string>;
  /** SPEC §6: may the customer be sent marketing messages (0/1). */
  marketing_consent: ColumnType<number, number | boolean | undefined, number | boolean>;
  /** `phone` reduced to `+` and digits (indexed): what inbound messages are matched on. */
  phone_key: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
}

export type CustomerRow = Selectable<CustomerTable>;
