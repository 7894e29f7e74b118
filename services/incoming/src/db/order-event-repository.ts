import { currentTraceparent, databaseEventId } from '@screenmagic/service-kit';
import { sql, type Transaction } from 'kysely';
import type { Database } from './database.ts';

/**
 * Order status events (SPEC §7) into the outbox, in the caller's transaction, copied from
 * the orders just written by one `INSERT … SELECT`: `order.<status>` (or `type`, e.g.
 * `order.replanned`) with `{orderId, customerId, status, processingAt?}` — `processingAt`
 * while the order is pending. Nothing is written when `EVENTS_WEBHOOK_URL` is unset.
 * Each event's POST continues the order's trace (SPEC §8), that of the request that placed
 * it: the one the caller names (`traceParents`: rows already taken off their queue), else
 * its `pending_order` row's, else the trace of the request making this change (an order
 * confirmed at once). Stored first, not the active trace: a worker's batch may run in the
 * context of whatever woke it.
 */
export class OrderEvents {
  readonly #enabled: boolean;

  constructor(options: { enabled: boolean }) {
    this.#enabled = options.enabled;
  }

  async record(
    trx: Transaction<Database>,
    orderIds: readonly string[],
    options: {
      readonly type?: 'order.replanned';
      readonly traceParents?: ReadonlyMap<string, string | null>;
    } = {},
  ): Promise<void> {
    if (!this.#enabled || orderIds.length === 0) return;
    const { type, traceParents } = options;
    const eventType = type === undefined ? sql`CONCAT('order.', o.status)` : sql`${type}`;
    const named =
      traceParents === undefined || traceParents.size === 0
        ? sql`NULL`
        : sql`CASE o.order_id ${sql.join(
            [...traceParents].map(
              ([orderId, traceParent]) => sql`WHEN ${orderId} THEN ${traceParent}`,
            ),
            sql` `,
          )} END`;
    const processingAt = sql`CONCAT(LEFT(DATE_FORMAT(o.processing_at, '%Y-%m-%dT%H:%i:%s.%f'), 23), 'Z')`;
    await sql`
      INSERT INTO event_outbox (event_id, type, stream, occurred_at, data, due_at, trace_parent)
      SELECT ${databaseEventId}, ${eventType}, o.order_id, o.updated_at,
        JSON_OBJECT('orderId', o.order_id, 'customerId', o.customer_id, 'status', o.status,
          'processingAt', CASE WHEN o.status = 'pending' THEN ${processingAt} END),
        UTC_TIMESTAMP(3),
        COALESCE(${named},
          (SELECT p.trace_parent FROM pending_order p WHERE p.order_id = o.order_id),
          ${currentTraceparent() ?? null})
      FROM customer_order o WHERE o.order_id IN (${sql.join(orderIds)})`.execute(trx);
  }
}
