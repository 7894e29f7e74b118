import { type Kysely, sql } from 'kysely';

/**
 * One lease per claimed batch instead of one per message (issue 15, change 2): a
 * `dispatch_batch` row holds the claim's owner and its lease expiry on the database's
 * clock, and a claimed message points to it (`message.batch_id`, the former
 * `locked_by`). The heartbeat renews one row per batch; `locked_at` is no longer written
 * by any claim and goes. Claims still held when this runs are released first (their
 * dispatcher is of the old version: its completions would name a column that is gone,
 * and its messages are delivered again — at least once). `RENAME COLUMN` and `DROP
 * COLUMN` run on MySQL 8.4 and MariaDB 10.11 alike.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dispatch_batch')
    .addColumn('id', 'varchar(40)', (col) => col.primaryKey())
    .addColumn('owner', 'varchar(64)', (col) => col.notNull())
    .addColumn('expires_at', sql`datetime(3)`, (col) => col.notNull())
    .addColumn('created_at', sql`datetime(3)`, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('idx_dispatch_batch_expires')
    .on('dispatch_batch')
    .column('expires_at')
    .execute();
  await sql`UPDATE message SET locked_by = NULL, locked_at = NULL WHERE locked_by IS NOT NULL`.execute(
    db,
  );
  await sql`ALTER TABLE message RENAME COLUMN locked_by TO batch_id, DROP COLUMN locked_at`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE message SET batch_id = NULL WHERE batch_id IS NOT NULL`.execute(db);
  await sql`ALTER TABLE message RENAME COLUMN batch_id TO locked_by, ADD COLUMN locked_at datetime(3)`.execute(
    db,
  );
  await db.schema.dropTable('dispatch_batch').execute();
}
