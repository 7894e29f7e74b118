import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.ts';
import type { IdempotencyKeyRow } from './idempotency-key.table.ts';

export async function findIdempotencyKey(
  db: Kysely<Database>,
  key: string,
): Promise<IdempotencyKeyRow | undefined> {
  return db
    .selectFrom('idempotency_key')
    .selectAll()
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/**
 * Inserts the key's row first in the broadcast's transaction. A concurrent request with
 * the same key blocks on the primary key here until this transaction ends, then fails
 * with a duplicate key (and reads the stored answer) or, if this one rolled back,
 * proceeds. Throws ER_DUP_ENTRY when the key is already stored.
 */
export async function claimIdempotencyKey(
  trx: Transaction<Database>,
  row: { key: string; requestHash: string; broadcastId: string; at: Date },
): Promise<void> {
  await trx
    .insertInto('idempotency_key')
    .values({
      idempotency_key: row.key,
      request_hash: row.requestHash,
      broadcast_id: row.broadcastId,
      response_status: 0,
      response_body: '',
      created_at: row.at,
    })
    .execute();
}

/** Stores the answer a claimed key got, before the transaction commits. */
export async function storeIdempotentAnswer(
  trx: Transaction<Database>,
  key: string,
  status: number,
  body: unknown,
): Promise<void> {
  await trx
    .updateTable('idempotency_key')
    .set({ response_status: status, response_body: JSON.stringify(body) })
    .where('idempotency_key', '=', key)
    .execute();
}
