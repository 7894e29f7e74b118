import type { ReplicaEntry } from '@screenmagic/service-kit/contracts';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './database.ts';

/** What dispatch reads of a recipient: its window, its consent, its address. */
export interface DispatchCustomer {
  readonly id: string;
  readonly name: string;
  readonly phone: string | null;
  readonly consent: { readonly marketing: boolean };
  readonly timeZone: string;
  /** The normalized schedule as JSON text (the schedule cache's key). */
  readonly workingHoursJson: string;
}

/** Rows per INSERT while applying entries. */
const APPLY_CHUNK = 1_000;

// Each column takes the incoming value only when the entry is as new as the row or newer
// (`seq` compared before it is assigned: MySQL applies the assignments left to right), so
// entries may arrive in any order, twice, or from two processes at once.
const newer = <T>(column: string) =>
  sql<T>`IF(VALUES(seq) >= seq, VALUES(${sql.ref(column)}), ${sql.ref(column)})`;

/** Upserts feed entries by customer id, keeping the newer of stored and incoming. */
export async function applyReplicaEntries(
  trx: Transaction<Database>,
  entries: readonly ReplicaEntry[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += APPLY_CHUNK) {
    const rows = entries.slice(i, i + APPLY_CHUNK).map(({ id, seq, customer }) => ({
      id,
      seq,
      deleted: customer === null,
      name: customer?.name ?? '',
      phone: customer?.phone ?? null,
      marketing_consent: customer?.consent.marketing ?? false,
      time_zone: customer?.timeZone ?? 'UTC',
      working_hours: customer === null ? 'null' : JSON.stringify(customer.workingHours),
    }));
    await trx
      .insertInto('customer_replica')
      .values(rows)
      .onDuplicateKeyUpdate({
        deleted: newer<boolean>('deleted'),
        name: newer<string>('name'),
        phone: newer<string | null>('phone'),
        marketing_consent: newer<boolean>('marketing_consent'),
        time_zone: newer<string>('time_zone'),
        working_hours: newer<string>('working_hours'),
        seq: sql<string>`GREATEST(seq, VALUES(seq))`,
      })
      .execute();
  }
}

/** Records the change number applied up to, in the transaction that applied it (never back). */
export async function saveReplicaCursor(trx: Transaction<Database>, seq: string): Promise<void> {
  await trx
    .insertInto('customer_replica_state')
    .values({ id: 1, applied_seq: seq })
    .onDuplicateKeyUpdate({ applied_seq: sql`GREATEST(applied_seq, VALUES(applied_seq))` })
    .execute();
}

/** The change number applied up to; undefined before the first fill finished. */
export async function readReplicaCursor(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db
    .selectFrom('customer_replica_state')
    .select('applied_seq')
    .where('id', '=', 1)
    .executeTakeFirst();
  return row === undefined ? undefined : String(row.applied_seq);
}

/**
 * The customers among `ids` (one primary-key lookup per batch): the live ones, and the ids
 * the replica knows were deleted (tombstones). An id in neither is one the replica has not
 * heard of yet.
 */
export async function replicaCustomersByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<{ live: Map<string, DispatchCustomer>; deleted: Set<string> }> {
  const found = new Map<string, DispatchCustomer>();
  const deleted = new Set<string>();
  if (ids.length === 0) return { live: found, deleted };
  const rows = await db
    .selectFrom('customer_replica')
    .select(['id', 'deleted', 'name', 'phone', 'marketing_consent', 'time_zone', 'working_hours'])
    .where('id', 'in', ids)
    .execute();
  for (const row of rows) {
    if (row.deleted) {
      deleted.add(row.id);
      continue;
    }
    found.set(row.id, {
      id: row.id,
      name: row.name,
      phone: row.phone,
      consent: { marketing: Boolean(row.marketing_consent) },
      timeZone: row.time_zone,
      workingHoursJson: row.working_hours,
    });
  }
  return { live: found, deleted };
}
