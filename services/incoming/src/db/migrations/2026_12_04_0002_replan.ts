import { createSyncStateTable } from '@screenmagic/service-kit';
import { type Kysely, sql } from 'kysely';

const instant = sql`datetime(3)`;

/**
 * Promises kept when the business calendar changes (docs/decisions.md):
 * - `customer_order.processing_at_history`: every processingAt the customer was told, as
 *   a JSON array (NULL until the first move);
 * - `order_update_outbox`: orders whose customer must be told the new processing time, a
 *   work queue like the confirmation outbox; `revision` counts re-plans, so one that
 *   happens while the correction is being handed over makes it go out again, with the
 *   latest time;
 * - the kit's `time_rules_state`: the calendar version last re-planned.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('customer_order').addColumn('processing_at_history', 'text').execute();
  await db.schema
    .createTable('order_update_outbox')
    .addColumn('order_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('due_at', instant, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_by', 'varchar(100)')
    .addColumn('locked_at', instant)
    .addColumn('last_error', 'varchar(500)')
    .addColumn('trace_parent', 'varchar(64)')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('order_update_outbox_claim')
    .on('order_update_outbox')
    .columns(['locked_by', 'due_at'])
    .execute();
  await createSyncStateTable(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('time_rules_state').ifExists().execute();
  await db.schema.dropTable('order_update_outbox').ifExists().execute();
  await db.schema.alterTable('customer_order').dropColumn('processing_at_history').execute();
}
