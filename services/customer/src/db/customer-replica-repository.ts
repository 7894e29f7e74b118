import { type Kysely, sql } from 'kysely';
import type { Database } from './database.ts';

/** A customer as a replica keeps it, with its latest change number, read in one statement. */
export interface ReplicaRow {
  readonly id: string;
  /** The customer's latest change ('0' when it has none). */
  readonly seq: string;
  readonly name: string;
  readonly phone: string | null;
  readonly marketing: boolean;
  readonly timeZone: string;
  /** The normalized schedule, as the JSON text it was stored as. */
  readonly workingHoursJson: string;
}

// The row and its latest change number come from one statement (one snapshot), so the
// number says which change the row already includes: a replica compares them.
function selectReplica(db: Kysely<Database>) {
  return db
    .selectFrom('customer as c')
    .select(['c.id', 'c.name', 'c.phone', 'c.marketing_consent', 'c.time_zone'])
    .select(sql<string>`cast(c.working_hours as char)`.as('working_hours_json'))
    .select((eb) =>
      eb
        .selectFrom('customer_change as cc')
        .select((inner) => inner.fn.max('cc.seq').as('max_seq'))
        .whereRef('cc.customer_id', '=', 'c.id')
        .as('seq'),
    );
}

function toReplicaRow(row: {
  id: string;
  name: string;
  phone: string | null;
  marketing_consent: number;
  time_zone: string;
  working_hours_json: string;
  seq: string | number | bigint | null;
}): ReplicaRow {
  return {
    id: row.id,
    seq: row.seq === null ? '0' : String(row.seq),
    name: row.name,
    phone: row.phone,
    marketing: Boolean(row.marketing_consent),
    timeZone: row.time_zone,
    workingHoursJson: row.working_hours_json,
  };
}

/** The customers with these ids that exist (unknown ids are simply absent). */
export async function replicaRowsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<ReplicaRow[]> {
  if (ids.length === 0) return [];
  return (await selectReplica(db).where('c.id', 'in', ids).execute()).map(toReplicaRow);
}

/** A page of every customer in id order after `afterId`: up to `limit + 1` rows. */
export async function replicaRowsPage(
  db: Kysely<Database>,
  afterId: string | undefined,
  limit: number,
): Promise<ReplicaRow[]> {
  let query = selectReplica(db)
    .orderBy('c.id')
    .limit(limit + 1);
  if (afterId !== undefined) query = query.where('c.id', '>', afterId);
  return (await query.execute()).map(toReplicaRow);
}

/**
 * The deleted customers (a change recorded, no row any more) with ids in `(afterId,
 * upToId]`, in id order, each with its latest change, at most `limit + 1`: the snapshot's
 * tombstones. Bounded by the page of live customers it is merged with, so a walk reads
 * each change row about once.
 */
export async function deletedReplicaIds(
  db: Kysely<Database>,
  afterId: string | undefined,
  upToId: string | undefined,
  limit: number,
): Promise<{ id: string; seq: string }[]> {
  let query = db
    .selectFrom('customer_change as cc')
    .select('cc.customer_id as id')
    .select((eb) => eb.fn.max('cc.seq').as('seq'))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('customer as c').select('c.id').whereRef('c.id', '=', 'cc.customer_id'),
        ),
      ),
    )
    .groupBy('cc.customer_id')
    .orderBy('cc.customer_id')
    .limit(limit + 1);
  if (afterId !== undefined) query = query.where('cc.customer_id', '>', afterId);
  if (upToId !== undefined) query = query.where('cc.customer_id', '<=', upToId);
  return (await query.execute()).map((row) => ({ id: row.id, seq: String(row.seq) }));
}
