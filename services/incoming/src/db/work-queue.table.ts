import type { ColumnType, Generated } from 'kysely';

/**
 * The columns both work queues share (graphile-worker's shape): a row is due at
 * `due_at`, claimed by one worker (`locked_by`, `locked_at`), deleted when done, and on
 * failure unlocked with a later `due_at`.
 */
export interface WorkQueueTable {
  order_id: string;
  due_at: Date;
  attempts: Generated<number>;
  locked_by: string | null;
  locked_at: Date | null;
  last_error: string | null;
  /** The traceparent of the request that placed the order: the hand-over continues its trace. */
  trace_parent: ColumnType<string | null, string | null | undefined, string | null>;
}

/**
 * `pending_order`: orders waiting for the business to open. `processing_at` is the
 * opening the customer was promised; `due_at` starts equal and moves on retries.
 */
export interface PendingOrderTable extends WorkQueueTable {
  processing_at: Date;
}

/**
 * `confirmation_outbox`: confirmations of orders confirmed while open that the
 * outgoing service has not accepted yet. Inserted with the order, deleted on hand-over.
 */
export type ConfirmationOutboxTable = WorkQueueTable;

/**
 * `order_update_outbox`: pending orders whose processing time moved and whose customer
 * has not been told yet. `revision` goes up with every re-plan; a hand-over removes the
 * row only if no re-plan happened meanwhile.
 */
export interface OrderUpdateOutboxTable extends WorkQueueTable {
  revision: Generated<number>;
}
