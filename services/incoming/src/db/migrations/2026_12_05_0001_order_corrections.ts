import type { Kysely } from 'kysely';

/**
 * `customer_order.corrections`: the corrections handed to the outgoing service for the
 * order, as a JSON array of {@link CorrectionSent} (NULL before the first): which message
 * named which processing time, so that the time the customer was last told is known when
 * a newer correction supersedes a queued one (docs/decisions.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('customer_order').addColumn('corrections', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('customer_order').dropColumn('corrections').execute();
}
