import { type Kysely, sql } from 'kysely';
import type { Database } from './database.ts';

/**
 * A customer as stored, for the internal API: the schedule stays the JSON text it was
 * stored as (validated and normalized on the way in), never parsed here.
 */
export interface StoredCustomer {
  readonly id: string;
  readonly name: string;
  readonly nameKey: string;
  readonly phone: string | null;
  /** Marketing consent (SPEC §6). */
  readonly marketing: boolean;
  readonly timeZone: string;
  /** The normalized schedule, as JSON text. */
  readonly workingHoursJson: string;
  readonly updatedAt: Date;
}

// Measured on 100,000 rows (README, "Internal walk"): letting mysql2 parse the JSON column
// and fast-json-stringify write it back took three times as long as the query itself, so
// the internal routes pass the stored text through.
function selectStored(db: Kysely<Database>) {
  return db
    .selectFrom('customer')
    .select(['id', 'name', 'name_key', 'phone', 'marketing_consent', 'time_zone', 'updated_at'])
    .select(sql<string>`cast(working_hours as char)`.as('working_hours_json'));
}

function toStored(row: {
  id: string;
  name: string;
  name_key: string;
  phone: string | null;
  marketing_consent: number;
  time_zone: string;
  working_hours_json: string;
  updated_at: Date;
}): StoredCustomer {
  return {
    id: row.id,
    name: row.name,
    nameKey: row.name_key,
    phone: row.phone,
    marketing: Boolean(row.marketing_consent),
    timeZone: row.time_zone,
    workingHoursJson: row.working_hours_json,
    updatedAt: row.updated_at,
  };
}

/**
 * One page of the keyset walk over every customer, in id order after `afterId`: a
 * primary-key range scan, so every page costs the same however deep the walk is. Up to
 * `limit + 1` rows (the extra one says there is more).
 */
export async function walkCustomers(
  db: Kysely<Database>,
  afterId: string | undefined,
  limit: number,
): Promise<StoredCustomer[]> {
  let query = selectStored(db)
    .orderBy('id')
    .limit(limit + 1);
  if (afterId !== undefined) query = query.where('id', '>', afterId);
  return (await query.execute()).map(toStored);
}

/**
 * Customers whose `column` is one of `keys` (unknown keys are simply absent). A phone may
 * be shared: those come in id order.
 */
export async function findStoredBy(
  db: Kysely<Database>,
  column: 'id' | 'name_key' | 'phone_key',
  keys: readonly string[],
): Promise<StoredCustomer[]> {
  if (keys.length === 0) return [];
  let query = selectStored(db).where(column, 'in', keys);
  if (column === 'phone_key') query = query.orderBy('id');
  return (await query.execute()).map(toStored);
}
