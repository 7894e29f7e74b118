import {
  type Clock,
  currentTraceparent,
  insertOnce,
  newId,
  unprocessable,
} from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { CustomerDirectory, NewReply } from '@screenmagic/service-kit/contracts';
import type { Database } from '../db/database.ts';
import { findReply, insertMessage } from '../db/message-repository.ts';
import type { MessageHistory } from '../db/message-history-repository.ts';

import type { OrderConfirmationResult } from './create-order-confirmation.ts';

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
  const lookup = await deps.directory.lookup({ ids: [input.customerId] }, requestId);
  const customer = lookup.items.find((item) => item.id === input.customerId);
  if (!customer) {
    throw unprocessable(
      'UNKNOWN_CUSTOMER',
      `No customer with id ${JSON.stringify(input.customerId)}`,
      {
        details: [{ field: 'customerId', message: 'no such customer', value: input.customerId }],
      },
    );
  }
  const now = deps.clock.now();
  const id = newId('msg');
  // The message and its first history entry are written together.
  const result = await insertOnce(
    () =>
      deps.db.transaction().execute(async (trx) => {
        await insertMessage(trx, {
          id,
          kind: 'reply',
          broadcast_id: null,
          order_id: null,
          inbound_message_id: input.inboundMessageId,
          customer_id: customer.id,
          customer_name: customer.name,
          time_zone: customer.timeZone,
          text: input.text,
          hold_to_window: 0,
          category: 'transactional',
          status: 'sending',
          status_reason: 'IN_WINDOW',
          status_detail: "a reply to the customer's message: sent at once",
          scheduled_for: now,
          due_at: now,
          expires_at: null,
          attempts: 0,
          created_at: now,
          updated_at: now,
          trace_parent: currentTraceparent() ?? null,
        });
        await deps.history.record(trx, { ids: [id] }, { event: 'from-status' });
      }),
    () => findReply(deps.db, input.inboundMessageId),
  );
  if (!result.inserted) return { created: false, message: result.winner };
  deps.onDueNow();
  return { created: true, message: { id, status: 'sending', scheduled_for: now } };
}
