import type { Schedule } from '@screenmagic/hours-window';
import {
  backoffMs,
  type Clock,
  conflict,
  currentTraceparent,
  databaseNow,
  insertOnce,
  newId,
  toError,
  unprocessable,
} from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type {
  CustomerDirectory,
  CustomerRecord,
  OutgoingMessages,
} from '@screenmagic/service-kit/contracts';
import type { CustomerOrderRow, NewCustomerOrderRow } from '../db/customer-order.table.ts';
import type { Database } from '../db/database.ts';
import type { OrderEvents } from '../db/order-event-repository.ts';
import { findOrder, insertOrder, recordHandover } from '../db/order-repository.ts';
import { rescheduleClaimed, takeClaimed } from '../db/work-queue.ts';
import { orderOutcome } from '../domain/order-outcome.ts';
import {
  type CustomerRef,
  type OrderBody,
  type OrderRequest,
  orderFingerprint,
  parseOrderRequest,
} from '../domain/order-request.ts';
import type { OrderView } from '../schemas/order.ts';
import { toOrderView } from '../views/order-view.ts';

export interface PlaceOrderDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly businessCalendar: Schedule;
  readonly customers: CustomerDirectory;
  readonly outgoing: OutgoingMessages;
  /** Stamped on the outbox row this request hands over itself. */
  readonly lockId: string;
  /**
   * Delay before the worker retries a confirmation the outgoing service did not take
   * (jittered between half of it and all of it).
   */
  readonly retryDelayMs: number;
  /** Tells the worker there is work due now (a pending order placed in the past). */
  readonly wakeWorker: () => void;
  /** Order status events (SPEC §7), written with the order. */
  readonly events: OrderEvents;
  readonly logger?: Pick<FastifyBaseLogger, 'warn'>;
}

/** The answer to `POST /v1/orders`. */
export interface PlacedOrder {
  readonly statusCode: 201 | 202;
  readonly order: OrderView;
}

/**
 * Accepts an order (SPEC §3 "Orders"). A repeated `orderId` gets the first answer when
 * the request means the same order, 409 ORDER_CONFLICT otherwise — checked before
 * anything else, so a retry succeeds even while the customer service is down. A new
 * order is decided on `placedAt` against the business calendar: confirmed at once (its
 * confirmation handed to the outgoing service right away, and kept in an outbox the
 * worker drains if that fails) or stored pending until the next opening.
 *
 * @throws {AppError} 400 (bad input), 409 ORDER_CONFLICT, 422 UNKNOWN_CUSTOMER,
 *   422 BUSINESS_NEVER_OPENS, 503 (database or customer service down).
 */
export async function placeOrder(
  deps: PlaceOrderDeps,
  body: OrderBody,
  requestId: string,
): Promise<PlacedOrder> {
  const request = parseOrderRequest(body, deps.clock.now());
  const fingerprint = orderFingerprint(request);
  const existing = await findOrder(deps.db, request.orderId);
  if (existing !== undefined) return replay(existing, fingerprint);

  const customer = await deps.customers.find(request.customer, requestId);
  if (customer === undefined) throw unknownCustomer(request.customer);

  const now = deps.clock.now();
  const traceParent = currentTraceparent() ?? null;
  const row = newOrderRow(deps.businessCalendar, request, customer, fingerprint, now);
  // Another request with this orderId may win the insert a moment ago: answer as it did.
  const outcome = await insertOnce(
    () =>
      insertOrder(
        deps.db,
        row,
        row.status === 'pending'
          ? {
              pending: {
                order_id: row.order_id,
                processing_at: row.processing_at,
                due_at: row.processing_at,
                locked_by: null,
                locked_at: null,
                last_error: null,
                trace_parent: traceParent,
              },
            }
          : {
              outbox: {
                order_id: row.order_id,
                due_at: now,
                attempts: 1,
                locked_by: deps.lockId,
                locked_at: databaseNow(),
                last_error: null,
                trace_parent: traceParent,
              },
            },
        deps.events,
      ),
    () => findOrder(deps.db, request.orderId),
  );
  if (!outcome.inserted) return replay(outcome.winner, fingerprint);

  const view = JSON.parse(row.first_response) as OrderView;
  if (row.status === 'confirmed') {
    await handOverNow(deps, row, view.confirmationMessageId, requestId);
    return { statusCode: 201, order: view };
  }
  if (row.processing_at.getTime() <= now.getTime()) deps.wakeWorker();
  return { statusCode: 202, order: view };
}

function replay(existing: CustomerOrderRow, fingerprint: string): PlacedOrder {
  if (existing.request_hash !== fingerprint) {
    throw conflict(
      'ORDER_CONFLICT',
      `Order ${JSON.stringify(existing.order_id)} already exists with a different body`,
      { details: [{ field: 'orderId', message: 'is already used by a different order' }] },
    );
  }
  return {
    statusCode: existing.first_status === 201 ? 201 : 202,
    order: JSON.parse(existing.first_response) as OrderView,
  };
}

function unknownCustomer(ref: CustomerRef) {
  return ref.kind === 'id'
    ? unprocessable('UNKNOWN_CUSTOMER', `No customer with id ${JSON.stringify(ref.id)}`, {
        details: [{ field: 'customerId', message: 'does not exist' }],
      })
    : unprocessable('UNKNOWN_CUSTOMER', `No customer named ${JSON.stringify(ref.name)}`, {
        details: [{ field: 'customer', message: 'does not exist' }],
      });
}

/** The order as it will be stored, with its first answer. */
function newOrderRow(
  calendar: Schedule,
  request: OrderRequest,
  customer: CustomerRecord,
  fingerprint: string,
  now: Date,
): NewCustomerOrderRow &
  Pick<CustomerOrderRow, 'first_status' | 'first_response' | 'status' | 'processing_at'> {
  const outcome = orderOutcome(calendar, {
    facts: {
      customerName: customer.name,
      orderId: request.orderId,
      productId: request.productId,
      payment: request.payment,
    },
    placedAt: request.placedAt,
    customerTimeZone: customer.timeZone,
    now,
  });
  if (outcome === null) {
    throw unprocessable(
      'BUSINESS_NEVER_OPENS',
      'The business calendar has no opening within a year; the order cannot be scheduled',
    );
  }
  const fields = {
    order_id: request.orderId,
    customer_id: customer.id,
    customer_name: customer.name,
    customer_time_zone: customer.timeZone,
    product_id: request.productId,
    payment_method: request.payment.method,
    amount: request.payment.amount,
    currency: request.payment.currency,
    placed_at: request.placedAt,
    status: outcome.status,
    reason: outcome.reason,
    processing_at: outcome.processingAt,
    confirmed_at: outcome.confirmedAt,
    reply: outcome.reply,
    confirmation_message_id: null,
  };
  // The confirmation's id is chosen here so that the 201, and every replay of it, names
  // the message (the outgoing service creates it with this id); the column stays null
  // until the hand-over is recorded.
  const messageId = outcome.status === 'confirmed' ? newId('msg') : null;
  return {
    ...fields,
    confirmation_text: outcome.confirmationText,
    confirmation_error: null,
    request_hash: fingerprint,
    first_status: outcome.status === 'confirmed' ? 201 : 202,
    first_response: JSON.stringify(toOrderView({ ...fields, confirmation_message_id: messageId })),
    created_at: now,
    updated_at: now,
  };
}

/**
 * Hands the confirmation of an order confirmed while open to the outgoing service now
 * (`holdToWindow: false`: the customer just wrote). On failure the outbox row stays and
 * the worker retries it; the order is confirmed either way. The message gets the id the
 * 201 names.
 */
async function handOverNow(
  deps: PlaceOrderDeps,
  row: NewCustomerOrderRow,
  messageId: string | null,
  requestId: string,
): Promise<void> {
  const { db, clock, lockId } = deps;
  try {
    const result = await deps.outgoing.handOver(
      {
        orderId: row.order_id,
        customerId: row.customer_id,
        text: row.confirmation_text,
        holdToWindow: false,
        ...(messageId === null ? {} : { messageId }),
      },
      requestId,
    );
    const outcome =
      result.outcome === 'accepted'
        ? { orderId: row.order_id, messageId: result.messageId, error: null }
        : { orderId: row.order_id, messageId: null, error: 'UNKNOWN_CUSTOMER' };
    await db.transaction().execute(async (trx) => {
      const taken = await takeClaimed(trx, 'confirmation_outbox', lockId, [row.order_id]);
      if (taken.length > 0) await recordHandover(trx, [outcome], clock.now());
    });
  } catch (error) {
    deps.logger?.warn(
      { err: toError(error), orderId: row.order_id },
      'confirmation not handed over at once; the worker will retry it',
    );
    const delayMs = backoffMs(1, {
      baseMs: deps.retryDelayMs,
      growth: 2,
      maxMs: deps.retryDelayMs,
    });
    const dueAt = new Date(clock.now().getTime() + delayMs);
    await rescheduleClaimed(db, 'confirmation_outbox', lockId, [
      { orderId: row.order_id, dueAt, error: toError(error).message },
    ]).catch((releaseError: unknown) => {
      // The claim goes stale and is released by the worker's next batch after the lock timeout.
      deps.logger?.warn(
        { err: toError(releaseError), orderId: row.order_id },
        'could not reschedule the hand-over',
      );
    });
  }
}
