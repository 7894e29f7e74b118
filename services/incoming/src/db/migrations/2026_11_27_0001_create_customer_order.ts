import { type Kysely, sql } from 'kysely';

const instant = sql`datetime(3)`;

/** Orders as accepted. Instants are UTC DATETIME(3); the database's collation is utf8mb4_bin. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer_order')
    .addColumn('order_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('seq', sql`bigint unsigned`, (c) => c.notNull().autoIncrement().unique())
    .addColumn('customer_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('customer_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('customer_time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('product_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('payment_method', 'varchar(32)', (c) => c.notNull())
    .addColumn('amount', 'decimal(18, 3)', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('placed_at', instant, (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'varchar(16)', (c) => c.notNull())
    .addColumn('processing_at', instant, (c) => c.notNull())
    .addColumn('confirmed_at', instant)
    .addColumn('reply', 'text', (c) => c.notNull())
    .addColumn('confirmation_text', 'text', (c) => c.notNull())
    .addColumn('confirmation_message_id', 'varchar(64)')
    .addColumn('confirmation_error', 'varchar(200)')
    .addColumn('request_hash', 'char(64)', (c) => c.notNull())
    .addColumn('first_status', 'smallint', (c) => c.notNull())
    .addColumn('first_response', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  // GET /v1/orders?status=…: a keyset walk within one status.
  await db.schema
    .createIndex('customer_order_status_seq')
    .on('customer_order')
    .columns(['status', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_order').execute();
}
