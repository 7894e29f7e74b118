import { type Clock, currentTraceparent, insertOnce, newId } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { CustomerDirectory, NewReply } from '@screenmagic/service-kit/contracts';
import type { Database } from '../db/database.ts';
import { findReply, insertRecorded } from '../db/message-repository.ts';
import { newMessageRow } from '../db/new-message-row.ts';
import type { MessageHistory } from '../db/message-history-repository.ts';
import { findCustomerOrFail, type OrderConfirmationResult } from './create-order-confirmation.ts';

export interface ReplyDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly directory: CustomerDirectory;
  readonly history: MessageHistory;
  readonly onDueNow: () => void;
}

/**
 * `POST /internal/messages` with `kind: "reply"` (SPEC §6): the answer to a customer's
 * inbound message, transactional and due at once — not held to the window, since the
 * customer just wrote — and idempotent on the inbound message's id.
 *
 * @throws AppError 422 UNKNOWN_CUSTOMER; 503 when the customer service is down.
 */
export async function createReply(
  deps: ReplyDeps,
  input: NewReply,
  requestId: string,
): Promise<OrderConfirmationResult> {
  const existing = await findReply(deps.db, input.inboundMessageId);
  if (existing) return { created: false, message: existing };
  const customer = await findCustomerOrFail(deps, input.customerId, requestId);
  const now = deps.clock.now();
  const id = newId('msg');
  const row = newMessageRow({
    id,
    kind: 'reply',
    inboundMessageId: input.inboundMessageId,
    customer,
    text: input.text,
    holdToWindow: false,
    category: 'transactional',
    plan: {
      status: 'sending',
      reason: 'IN_WINDOW',
      reasonDetail: "a reply to the customer's message: sent at once",
      scheduledFor: now,
      dueAt: now,
    },
    now,
    traceParent: currentTraceparent() ?? null,
  });
  const result = await insertOnce(
    () => insertRecorded(deps.db, deps.history, row),
    () => findReply(deps.db, input.inboundMessageId),
  );
  if (!result.inserted) return { created: false, message: result.winner };
  deps.onDueNow();
  return { created: true, message: { id, status: 'sending', scheduled_for: now } };
}
