import { databaseEventId } from '@screenmagic/service-kit';
import { sql, type Transaction } from 'kysely';
import type { Database } from './database.ts';

/**
 * Order status events (SPEC §7) into the outbox, in the caller's transaction, copied from
 * the orders just written by one `INSERT … SELECT`: `order.<status>` (or `type`, e.g.
 * `order.replanned`) with `{orderId, customerId, status, processingAt?}` — `processingAt`
 * while the order is pending. Nothing is written when `EVENTS_WEBHOOK_URL` is unset.
 */
export class OrderEvents {
  readonly #enabled: boolean;

  constructor(options: { enabled: boolean }) {
    this.#enabled = options.enabled;
  }

  async record(
    trx: Transaction<Database>,
    orderIds: readonly string[],
    type?: 'order.replanned',
  ): Promise<void> {
    if (!this.#enabled || orderIds.length === 0) return;
    const eventType = type === undefined ? sql`CONCAT('order.', o.status)` : sql`${type}`;
    const processingAt = sql`CONCAT(LEFT(DATE_FORMAT(o.processing_at, '%Y-%m-%dT%H:%i:%s.%f'), 23), 'Z')`;
    await sql`
      INSERT INTO event_outbox (event_id, type, stream, occurred_at, data, due_at)
      SELECT ${databaseEventId}, ${eventType}, o.order_id, o.updated_at,
        JSON_OBJECT('orderId', o.order_id, 'customerId', o.customer_id, 'status', o.status,
          'processingAt', CASE WHEN o.status = 'pending' THEN ${processingAt} END),
        UTC_TIMESTAMP(3)
      FROM customer_order o WHERE o.order_id IN (${sql.join(orderIds)})`.execute(trx);
  }
}
