import { type Kysely, sql } from 'kysely';

/**
 * The customer change sequence becomes a feed other services can replicate from
 * (docs/decisions.md, "The outgoing service's customer replica"):
 *
 * - `customer_change_writer`: one row every writer locks (`FOR UPDATE`) just before it
 *   appends to `customer_change`, held until its transaction commits. Auto-increment
 *   alone hands out numbers in insert order, not commit order: a reader could see 11
 *   before 10 commits, move its cursor past 10 and never read it. Under the lock a number
 *   is handed out only once every smaller one has committed (or rolled back).
 * - An index on `(customer_id, seq)`: a customer's latest change number is one index
 *   lookup, read with the customer's row so a replica can tell newer from older.
 * - `replan`: whether the change moves what queued work was planned on (hours, zone,
 *   consent, existence). Creations and phone or name changes are appended for replicas
 *   with `replan = 0`, and the re-plan feed (`/internal/customer-changes`) skips them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer_change_writer')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .execute();
  await sql`INSERT INTO customer_change_writer (id) VALUES (1)`.execute(db);
  await sql`ALTER TABLE customer_change ADD COLUMN replan boolean NOT NULL DEFAULT true`.execute(
    db,
  );
  await db.schema
    .createIndex('idx_customer_change_customer_seq')
    .on('customer_change')
    .columns(['customer_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('idx_customer_change_customer_seq').on('customer_change').execute();
  await db.schema.dropTable('customer_change_writer').ifExists().execute();
}
