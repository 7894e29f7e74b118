import { localDateOf } from '@screenmagic/hours-window';
import { conflict, notFound, unprocessable } from '@screenmagic/service-kit';
import { findMessage } from '../db/message-repository.ts';
import { changeRecorded, lockUnclaimed, setColumns } from '../db/recorded-change.ts';
import { planFromNow } from './plan-from-now.ts';
import type { OrderConfirmationDeps } from './create-order-confirmation.ts';

/**
 * `POST /v1/messages/{id}/retry` (SPEC §7): a `failed` message is planned again from now
 * against its customer's CURRENT window (held to it like any message; an order
 * confirmation that went out at once goes at once again), its attempts counted afresh,
 * the history saying `rescheduled` (or `unreachable`) with "retried on request". The same
 * `messageId`: a receiver that deduplicates on it sees a retry of the same message.
 *
 * @throws AppError 404; 409 MESSAGE_NOT_FAILED (any other status, also when another
 *   request retried it first), 409 MESSAGE_EXPIRED (past its broadcast's `expiresAt`);
 *   422 UNKNOWN_CUSTOMER (the customer was deleted); 503.
 */
export async function retryMessage(
  deps: OrderConfirmationDeps,
  id: string,
  requestId: string,
): Promise<void> {
  const row = await findMessage(deps.db, id);
  if (row === undefined) throw notFound('Message', id);
  const notFailed = (status: string) =>
    conflict('MESSAGE_NOT_FAILED', `Message ${id} is ${status}: only a failed message is retried`);
  if (row.status !== 'failed') throw notFailed(row.status);
  const now = deps.clock.now();
  if (row.expires_at !== null && row.expires_at.getTime() <= now.getTime()) {
    throw conflict('MESSAGE_EXPIRED', `Message ${id} expired at ${row.expires_at.toISOString()}`);
  }
  const customer = (await deps.directory.byIds([row.customer_id], requestId)).get(row.customer_id);
  if (customer === undefined) {
    throw unprocessable('UNKNOWN_CUSTOMER', `Customer ${row.customer_id} no longer exists`, {
      details: [{ field: 'customerId', message: 'no such customer', value: row.customer_id }],
    });
  }
  const plan = planFromNow(deps, customer, now, {
    holdToWindow: Boolean(row.hold_to_window),
    expiresAt: row.expires_at,
    atOnceDetail: null,
  });
  const detail = plan.reasonDetail
    ? `retried on request; ${plan.reasonDetail}`
    : 'retried on request';
  const retried = await changeRecorded(deps.db, deps.history, {
    lock: (trx) => lockUnclaimed(trx, [id], ['failed']),
    apply: setColumns({
      status: plan.status,
      status_reason: plan.reason,
      status_detail: detail,
      deferred_reason: null,
      scheduled_for: plan.scheduledFor,
      // The day the cap counts at acceptance: the new plan's.
      local_day: plan.scheduledFor && localDateOf(plan.scheduledFor, customer.timeZone),
      due_at: plan.dueAt,
      time_zone: customer.timeZone,
      attempts: 0,
      finished_at: plan.status === 'unreachable' ? now : null,
      updated_at: now,
    }),
    copy: { event: plan.status === 'unreachable' ? 'unreachable' : 'rescheduled' },
  });
  if (retried.length === 0) throw notFailed('no longer failed');
  if (plan.status === 'sending') deps.onDueNow();
}
