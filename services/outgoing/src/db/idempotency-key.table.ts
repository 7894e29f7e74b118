import type { Selectable } from 'kysely';

/**
 * An `Idempotency-Key` and the answer it got. The row is inserted first, in the same
 * transaction as the broadcast, so a concurrent twin request waits on its primary key and
 * then finds the stored answer.
 */
export interface IdempotencyKeyTable {
  idempotency_key: string;
  /** SHA-256 of the canonical request body. */
  request_hash: string;
  broadcast_id: string;
  response_status: number;
  response_body: string;
  created_at: Date;
}

export type IdempotencyKeyRow = Selectable<IdempotencyKeyTable>;
