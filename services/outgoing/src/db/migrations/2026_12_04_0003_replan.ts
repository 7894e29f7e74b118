import { createSyncStateTable } from '@screenmagic/service-kit';
import { type Kysely, sql } from 'kysely';

/**
 * Re-planning when the time rules change (docs/decisions.md, "Promises kept"):
 * - `idx_message_customer (customer_id, id)`: a customer whose hours changed has their
 *   queued messages found by index, walked by id;
 * - `revision`: an order may get several `order-update` corrections over time (one per
 *   change the customer was told about), so the order's unique key becomes
 *   `(kind, order_id, revision)` — confirmations stay revision 0, one per order;
 * - the kit's `time_rules_state`: the calendar version and customer change last re-planned.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('idx_message_customer')
    .on('message')
    .columns(['customer_id', 'id'])
    .execute();
  await sql`ALTER TABLE message ADD COLUMN revision integer NOT NULL DEFAULT 0,
    DROP INDEX uq_message_order,
    ADD UNIQUE INDEX uq_message_order (kind, order_id, revision)`.execute(db);
  await createSyncStateTable(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('time_rules_state').ifExists().execute();
  await sql`ALTER TABLE message DROP INDEX uq_message_order,
    ADD UNIQUE INDEX uq_message_order (kind, order_id), DROP COLUMN revision`.execute(db);
  await db.schema.dropIndex('idx_message_customer').on('message').execute();
}
