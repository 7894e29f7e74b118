import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

const instant = sql`datetime(3)`;

function queueColumns<T extends string>(table: CreateTableBuilder<T>): CreateTableBuilder<T> {
  return table
    .addColumn('order_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('due_at', instant, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_by', 'varchar(100)')
    .addColumn('locked_at', instant)
    .addColumn('last_error', 'varchar(500)');
}

/**
 * The worker's two queues: `pending_order` (orders waiting for the opening) and
 * `confirmation_outbox` (confirmations of open-hours orders not yet accepted by the
 * outgoing service). Both are claimed with `FOR UPDATE SKIP LOCKED`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await queueColumns(db.schema.createTable('pending_order'))
    .addColumn('processing_at', instant, (c) => c.notNull())
    .execute();
  await queueColumns(db.schema.createTable('confirmation_outbox')).execute();
  for (const table of ['pending_order', 'confirmation_outbox']) {
    // The claim: unlocked rows (locked_by IS NULL) in due order.
    await db.schema
      .createIndex(`${table}_claim`)
      .on(table)
      .columns(['locked_by', 'due_at'])
      .execute();
    // Releasing stale claims.
    await db.schema.createIndex(`${table}_locked_at`).on(table).column('locked_at').execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('confirmation_outbox').execute();
  await db.schema.dropTable('pending_order').execute();
}
