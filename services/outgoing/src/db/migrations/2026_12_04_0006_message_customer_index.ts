import type { Kysely } from 'kysely';

/**
 * `GET /v1/messages?customerId=`: a customer's messages newest first, from an index that
 * never moves (a message's customer does not change, so dispatching costs it nothing).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('idx_message_customer')
    .on('message')
    .columns(['customer_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('idx_message_customer').on('message').execute();
}
