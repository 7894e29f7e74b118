import type { Kysely } from 'kysely';

/**
 * - `trace_parent` on both queues: the W3C traceparent of the request that placed the
 *   order, so the worker's later hand-over (and the confirmation's delivery) continue its
 *   trace. `varchar(64)`: a version-00 traceparent is 55 characters.
 * - `pending_order(processing_at)`: `screenmagic_pending_overdue` counts the pending
 *   orders whose promised processing time has passed with a range of this index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['pending_order', 'confirmation_outbox']) {
    await db.schema.alterTable(table).addColumn('trace_parent', 'varchar(64)').execute();
  }
  await db.schema
    .createIndex('pending_order_processing_at')
    .on('pending_order')
    .column('processing_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('pending_order_processing_at').on('pending_order').execute();
  for (const table of ['pending_order', 'confirmation_outbox']) {
    await db.schema.alterTable(table).dropColumn('trace_parent').execute();
  }
}
