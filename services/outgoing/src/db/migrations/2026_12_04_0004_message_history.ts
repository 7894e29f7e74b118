import { type Kysely, sql } from 'kysely';

/**
 * Every message's history (SPEC §5): `message_event`, insert-only, one row per decision,
 * read by message id in insertion order (`(message_id, id)`). On the message itself:
 * `status_reason`, the reason code of its current status (what the newest entry says,
 * written with the status, so a status change and its history entry can be copied from
 * the row by one `INSERT … SELECT`), and `deferred_reason`, the reason it is waiting now
 * (rate cap, customer service down), so a wait that lasts many polls is recorded once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('message_event')
    .addColumn('id', 'bigint', (c) => c.primaryKey().autoIncrement().unsigned())
    .addColumn('message_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('at', sql`datetime(3)`, (c) => c.notNull())
    .addColumn('event', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'varchar(32)', (c) => c.notNull())
    .addColumn('scheduled_for', sql`datetime(3)`)
    .addColumn('detail', 'varchar(500)')
    .execute();
  await db.schema
    .createIndex('idx_message_event_message')
    .on('message_event')
    .columns(['message_id', 'id'])
    .execute();
  await db.schema
    .alterTable('message')
    .addColumn('status_reason', 'varchar(32)')
    .addColumn('status_detail', 'varchar(500)')
    .addColumn('deferred_reason', 'varchar(32)')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('message')
    .dropColumn('deferred_reason')
    .dropColumn('status_detail')
    .dropColumn('status_reason')
    .execute();
  await db.schema.dropTable('message_event').ifExists().execute();
}
