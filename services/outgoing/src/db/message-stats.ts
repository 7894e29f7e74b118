import { type Kysely, sql } from 'kysely';
import type { Database } from './database.ts';

/**
 * Unsent messages (`due_at IS NOT NULL`: scheduled or sending) by status: a range of the
 * `(due_at, status)` index, read without touching the rows — as many entries as the
 * queue holds, never the delivered history.
 */
export async function countUnsentByStatus(
  db: Kysely<Database>,
): Promise<Array<{ status: string; count: number }>> {
  const rows = await unsentByStatusQuery(db).execute();
  return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
}

/** The query of {@link countUnsentByStatus} (its plan is checked by a test). */
export function unsentByStatusQuery(db: Kysely<Database>) {
  return db
    .selectFrom('message')
    .select(['status', sql<string>`COUNT(*)`.as('count')])
    .where('due_at', 'is not', null)
    .groupBy('status');
}

/** The earliest `due_at` of an unsent message (the first entry of the queue index), or null. */
export async function earliestDueAt(db: Kysely<Database>): Promise<Date | null> {
  const row = await earliestDueQuery(db).executeTakeFirst();
  return row?.earliest ?? null;
}

/** The query of {@link earliestDueAt} (its plan is checked by a test). */
export function earliestDueQuery(db: Kysely<Database>) {
  return db.selectFrom('message').select((eb) => eb.fn.min('due_at').as('earliest'));
}
