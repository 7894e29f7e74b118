import { type Kysely, sql } from 'kysely';

/**
 * The queue index becomes `(due_at, status)`: the claim still walks it by `due_at`, and
 * the metrics' per-status count of unsent messages (`due_at IS NOT NULL GROUP BY status`)
 * reads the index alone instead of every queued row. A completion moves the entry once,
 * as before; only a claim of a `scheduled` message (becoming `sending`) moves it too.
 * One statement, so the table is never without its queue index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE message DROP INDEX idx_message_due, ADD INDEX idx_message_due (due_at, status)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE message DROP INDEX idx_message_due, ADD INDEX idx_message_due (due_at)`.execute(
    db,
  );
}
