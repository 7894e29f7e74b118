import { type InsertObject, type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { CustomerOrderRow, NewCustomerOrderRow, OrderStatus } from './customer-order.table.ts';
import type { Database } from './database.ts';
import type { OrderEvents } from './order-event-repository.ts';

/** The order with this client `orderId`, if any. */
export async function findOrder(
  db: Kysely<Database>,
  orderId: string,
): Promise<CustomerOrderRow | undefined> {
  return db
    .selectFrom('customer_order')
    .selectAll()
    .where('order_id', '=', orderId)
    .executeTakeFirst();
}

/**
 * Stores a new order together with its queue row (a pending order to confirm, or a
 * confirmation to hand over) in one transaction, so neither exists without the other.
 * Throws a duplicate-key error when an order with this id already exists: the primary
 * key decides between two requests racing with the same id, and nothing is written for
 * the loser (`insertOnce` turns that into the winner's answer).
 */
export async function insertOrder(
  db: Kysely<Database>,
  order: NewCustomerOrderRow,
  queued:
    | { readonly pending: InsertObject<Database, 'pending_order'> }
    | { readonly outbox: InsertObject<Database, 'confirmation_outbox'> },
  events: OrderEvents,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('customer_order').values(order).execute();
    if ('pending' in queued) await trx.insertInto('pending_order').values(queued.pending).execute();
    else await trx.insertInto('confirmation_outbox').values(queued.outbox).execute();
    await events.record(trx, [order.order_id]);
  });
}

/** One page of orders in insertion order, after the keyset position `afterSeq`. */
export async function listOrders(
  db: Kysely<Database>,
  options: { readonly status?: OrderStatus; readonly afterSeq?: string; readonly limit: number },
): Promise<CustomerOrderRow[]> {
  let query = db.selectFrom('customer_order').selectAll();
  if (options.status !== undefined) query = query.where('status', '=', options.status);
  if (options.afterSeq !== undefined) query = query.where('seq', '>', options.afterSeq);
  return query.orderBy('seq').limit(options.limit).execute();
}

/** What a hand-over needs to know about each order. */
export interface HandoverFacts {
  readonly orderId: string;
  readonly customerId: string;
  readonly text: string;
  /** The id the order's 201 named for its confirmation (none for a pending order's). */
  readonly messageId: string | undefined;
}

export async function findHandoverFacts(
  db: Kysely<Database>,
  orderIds: readonly string[],
): Promise<Map<string, HandoverFacts>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('customer_order')
    .select(['order_id', 'customer_id', 'confirmation_text', 'first_status', 'first_response'])
    .where('order_id', 'in', orderIds)
    .execute();
  return new Map(
    rows.map((row) => [
      row.order_id,
      {
        orderId: row.order_id,
        customerId: row.customer_id,
        text: row.confirmation_text,
        messageId: row.first_status === 201 ? plannedMessageId(row.first_response) : undefined,
      },
    ]),
  );
}

/** The confirmation's id a 201 named (answers stored before it was planned name none). */
export function plannedMessageId(firstResponse: string): string | undefined {
  const id = (JSON.parse(firstResponse) as { confirmationMessageId?: unknown })
    .confirmationMessageId;
  return typeof id === 'string' ? id : undefined;
}

/** How a confirmation's hand-over ended. */
export interface HandoverOutcome {
  readonly orderId: string;
  readonly messageId: string | null;
  /** Set when the confirmation can never be handed over (the customer no longer exists). */
  readonly error: string | null;
  /** The trace of the request that placed the order (its queue row's): the events continue it. */
  readonly traceParent?: string | null;
}

/**
 * Marks pending orders confirmed at `confirmedAt` with their hand-over outcomes, in one
 * statement. Only orders still pending change, so a confirmation is never recorded
 * twice. Returns how many changed.
 */
export async function markConfirmed(
  trx: Transaction<Database>,
  outcomes: readonly HandoverOutcome[],
  confirmedAt: Date,
  events: OrderEvents,
): Promise<number> {
  if (outcomes.length === 0) return 0;
  const result = await trx
    .updateTable('customer_order')
    .set({
      status: 'confirmed',
      confirmed_at: confirmedAt,
      confirmation_message_id: byOrderId(outcomes, (outcome) => outcome.messageId),
      confirmation_error: byOrderId(outcomes, (outcome) => outcome.error),
      updated_at: confirmedAt,
    })
    .where(
      'order_id',
      'in',
      outcomes.map((outcome) => outcome.orderId),
    )
    .where('status', '=', 'pending')
    .executeTakeFirst();
  const orderIds = outcomes.map((outcome) => outcome.orderId);
  // The outcomes are claims just taken off `pending_order`: pending until this statement.
  await events.record(trx, orderIds, {
    traceParents: new Map(
      outcomes.map((outcome) => [outcome.orderId, outcome.traceParent ?? null]),
    ),
  });
  return Number(result.numUpdatedRows);
}

/** Records the hand-over of already confirmed orders' confirmations, in one statement. */
export async function recordHandover(
  trx: Transaction<Database>,
  outcomes: readonly HandoverOutcome[],
  at: Date,
): Promise<void> {
  if (outcomes.length === 0) return;
  await trx
    .updateTable('customer_order')
    .set({
      confirmation_message_id: byOrderId(outcomes, (outcome) => outcome.messageId),
      confirmation_error: byOrderId(outcomes, (outcome) => outcome.error),
      updated_at: at,
    })
    .where(
      'order_id',
      'in',
      outcomes.map((outcome) => outcome.orderId),
    )
    .execute();
}

/**
 * `CASE order_id WHEN … THEN … END`: a per-row value in one UPDATE (a batch of 200
 * confirmations is one statement instead of 200 round trips).
 */
function byOrderId(
  outcomes: readonly HandoverOutcome[],
  value: (outcome: HandoverOutcome) => string | null,
): RawBuilder<string | null> {
  const branches = outcomes.map((outcome) => sql`WHEN ${outcome.orderId} THEN ${value(outcome)}`);
  return sql<string | null>`CASE order_id ${sql.join(branches, sql` `)} END`;
}
