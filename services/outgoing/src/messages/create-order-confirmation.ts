import type { Schedule } from '@screenmagic/hours-window';
import {
  type Clock,
  currentTraceparent,
  insertOnce,
  newId,
  unprocessable,
} from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type {
  CustomerDirectory,
  CustomerRecord,
  NewOrderMessage,
} from '@screenmagic/service-kit/contracts';
import type { Database } from '../db/database.ts';
import type { MessageRow } from '../db/message.table.ts';
import type { ScheduleCache } from '../domain/schedule-cache.ts';
import { findOrderConfirmation, insertRecorded } from '../db/message-repository.ts';
import { newMessageRow } from '../db/new-message-row.ts';
import { planFromNow } from './plan-from-now.ts';
import type { MessageHistory } from '../db/message-history-repository.ts';

export interface OrderConfirmationDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly calendar: Schedule;
  readonly directory: CustomerDirectory;
  readonly schedules: ScheduleCache;
  readonly history: MessageHistory;
  readonly onDueNow: () => void;
}

export interface OrderConfirmationResult {
  readonly created: boolean;
  readonly message: Pick<MessageRow, 'id' | 'status' | 'scheduled_for'>;
  /** Order updates: which correction of the order this is (1, 2, …). */
  readonly revision?: number;
}

/**
 * The customer an order message goes to, from the customer service.
 *
 * @throws AppError 422 UNKNOWN_CUSTOMER; 503 when the customer service is down.
 */
export async function findCustomerOrFail(
  deps: Pick<OrderConfirmationDeps, 'directory'>,
  customerId: string,
  requestId: string,
): Promise<CustomerRecord> {
  const lookup = await deps.directory.lookup({ ids: [customerId] }, requestId);
  const customer = lookup.items.find((item) => item.id === customerId);
  if (!customer) {
    throw unprocessable('UNKNOWN_CUSTOMER', `No customer with id ${JSON.stringify(customerId)}`, {
      details: [{ field: 'customerId', message: 'no such customer', value: customerId }],
    });
  }
  return customer;
}

/**
 * `POST /internal/messages` (docs/architecture.md): an order confirmation, idempotent on
 * (kind, orderId) — a second call returns the first message, whatever its body.
 * `holdToWindow: false` (the business is open and the customer just wrote): due now and
 * delivered at once, even outside the customer's own hours (SPEC: "the confirmation goes
 * out at once"). `holdToWindow: true` (a pending order confirmed by the worker): scheduled
 * like a broadcast message, at once inside the delivery window or at its next opening.
 * A given `messageId` (the one the order's 201 already named) becomes the message's id.
 *
 * @throws AppError 422 UNKNOWN_CUSTOMER; 503 when the customer service is down.
 */
export async function createOrderConfirmation(
  deps: OrderConfirmationDeps,
  input: Omit<NewOrderMessage, 'kind'>,
  requestId: string,
): Promise<OrderConfirmationResult> {
  const existing = await findOrderConfirmation(deps.db, input.orderId);
  if (existing) return { created: false, message: existing };

  const customer = await findCustomerOrFail(deps, input.customerId, requestId);
  const now = deps.clock.now();
  const plan = planFromNow(deps, customer, now, {
    holdToWindow: input.holdToWindow,
    expiresAt: null,
    atOnceDetail: 'the business is open: sent at once',
  });
  const id = input.messageId ?? newId('msg');
  // A concurrent call for the same order may win the unique key: answer with its message.
  const row = newMessageRow({
    id,
    kind: 'order-confirmation',
    orderId: input.orderId,
    customer,
    text: input.text,
    holdToWindow: input.holdToWindow,
    plan,
    now,
    traceParent: currentTraceparent() ?? null,
  });
  const result = await insertOnce(
    () => insertRecorded(deps.db, deps.history, row),
    () => findOrderConfirmation(deps.db, input.orderId),
  );
  if (!result.inserted) return { created: false, message: result.winner };
  if (plan.status === 'sending') deps.onDueNow();
  return { created: true, message: { id, status: plan.status, scheduled_for: plan.scheduledFor } };
}
