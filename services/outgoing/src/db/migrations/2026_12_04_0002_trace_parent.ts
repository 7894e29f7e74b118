import type { Kysely } from 'kysely';

/**
 * The W3C `traceparent` of the request that created the work, so that a delivery made
 * later by the dispatcher continues its trace: on the broadcast (one for all its
 * recipients) and on order confirmations (each its own). `varchar(64)`: a version-00
 * traceparent is 55 characters.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('broadcast').addColumn('trace_parent', 'varchar(64)').execute();
  await db.schema.alterTable('message').addColumn('trace_parent', 'varchar(64)').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('message').dropColumn('trace_parent').execute();
  await db.schema.alterTable('broadcast').dropColumn('trace_parent').execute();
}
