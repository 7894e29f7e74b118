import { type Kysely, sql } from 'kysely';

const instant = sql`datetime(3)`;

/**
 * `business_calendar`: every version of the business calendar, the newest one in force.
 * The version is the primary key, so of two writers that both read version n and write
 * n + 1, the database lets exactly one win (the other sees a duplicate key: 412).
 * `customer_change`: a change sequence of customers whose hours, zone or existence
 * changed, which the other services follow to re-plan what they promised.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('business_calendar')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('calendar', sql`mediumtext`, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('customer_change')
    .addColumn('seq', sql`bigint unsigned`, (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('changed_at', instant, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_change').ifExists().execute();
  await db.schema.dropTable('business_calendar').ifExists().execute();
}
