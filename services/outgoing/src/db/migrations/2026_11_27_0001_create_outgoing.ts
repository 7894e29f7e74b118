import { type Kysely, sql } from 'kysely';

/**
 * Broadcasts, messages (the queue), idempotency keys and the dispatch-rate counter.
 * Instants are DATETIME(3) in UTC. The message indexes serve, in order: the claim and
 * the stale-lock sweep (`due_at`: queued messages), recipient pages (by id, optionally by
 * status) and per-status counts, and idempotent order confirmations. The lock columns are
 * deliberately not indexed: every claim would move their entries (README, design note).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('broadcast')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('audience', 'varchar(8)', (c) => c.notNull())
    .addColumn('send_at', sql`datetime(3)`, (c) => c.notNull())
    .addColumn('requested_send_at', sql`datetime(3)`)
    .addColumn('on_closed_day', 'varchar(8)', (c) => c.notNull())
    .addColumn('expires_at', sql`datetime(3)`)
    .addColumn('recipient_count', 'integer', (c) => c.notNull())
    .addColumn('sending_now', 'integer', (c) => c.notNull())
    .addColumn('scheduled', 'integer', (c) => c.notNull())
    .addColumn('unreachable', 'integer', (c) => c.notNull())
    .addColumn('created_at', sql`datetime(3)`, (c) => c.notNull())
    .addColumn('cancelled_at', sql`datetime(3)`)
    .execute();

  await db.schema
    .createTable('message')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(24)', (c) => c.notNull())
    .addColumn('broadcast_id', 'varchar(32)')
    .addColumn('order_id', 'varchar(200)')
    .addColumn('customer_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('customer_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('hold_to_window', 'boolean', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('scheduled_for', sql`datetime(3)`)
    .addColumn('due_at', sql`datetime(3)`)
    .addColumn('expires_at', sql`datetime(3)`)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_attempt_at', sql`datetime(3)`)
    .addColumn('last_error', 'varchar(500)')
    .addColumn('delivered_at', sql`datetime(3)`)
    .addColumn('finished_at', sql`datetime(3)`)
    .addColumn('locked_by', 'varchar(64)')
    .addColumn('locked_at', sql`datetime(3)`)
    .addColumn('created_at', sql`datetime(3)`, (c) => c.notNull())
    .addColumn('updated_at', sql`datetime(3)`, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('idx_message_due').on('message').column('due_at').execute();
  await db.schema
    .createIndex('idx_message_broadcast')
    .on('message')
    .columns(['broadcast_id', 'id'])
    .execute();
  await db.schema
    .createIndex('idx_message_broadcast_status')
    .on('message')
    .columns(['broadcast_id', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('uq_message_order')
    .on('message')
    .columns(['kind', 'order_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('idempotency_key')
    .addColumn('idempotency_key', 'varchar(255)', (c) => c.primaryKey())
    .addColumn('request_hash', 'char(64)', (c) => c.notNull())
    .addColumn('broadcast_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('response_status', 'integer', (c) => c.notNull())
    .addColumn('response_body', sql`mediumtext`, (c) => c.notNull())
    .addColumn('created_at', sql`datetime(3)`, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('dispatch_rate')
    .addColumn('epoch_second', 'bigint', (c) => c.primaryKey())
    .addColumn('used', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['dispatch_rate', 'idempotency_key', 'message', 'broadcast']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
