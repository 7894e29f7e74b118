import { type Kysely, sql } from 'kysely';

/**
 * The outgoing service's replica of what it needs of each customer (docs/decisions.md,
 * "The outgoing service's customer replica"), so that dispatch never calls the customer
 * service. `customer_replica`: one row per customer, `seq` the customer service's change
 * number the row is as of (an older entry never overwrites a newer one); a deleted
 * customer stays as a tombstone (`deleted = 1`). `customer_replica_state`: one row, the
 * change number applied up to; absent until the first fill finished (nothing is
 * dispatched before).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer_replica')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('seq', sql`bigint unsigned`, (c) => c.notNull())
    .addColumn('deleted', 'boolean', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('phone', 'varchar(64)')
    .addColumn('marketing_consent', 'boolean', (c) => c.notNull())
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('working_hours', sql`mediumtext`, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('customer_replica_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('applied_seq', sql`bigint unsigned`, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_replica_state').ifExists().execute();
  await db.schema.dropTable('customer_replica').ifExists().execute();
}
