import { type Kysely, sql } from 'kysely';

/**
 * SPEC §6: every inbound message from a customer (`POST /v1/inbound-messages`) — keywords
 * and other texts alike, with the action taken and the reply sent — so a business can read
 * what its customers wrote and an opt-out can be traced to the message that asked for it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inbound_message')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('customer_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('from_phone', 'varchar(64)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('action', 'varchar(8)', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('reply_message_id', 'varchar(32)')
    .addColumn('received_at', sql`datetime(3)`, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inbound_message_customer')
    .on('inbound_message')
    .columns(['customer_id', 'received_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('inbound_message').execute();
}
