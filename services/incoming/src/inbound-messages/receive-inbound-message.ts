import { type Clock, newId, unprocessable, validationFailed } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { CustomerDirectory, OutgoingMessages } from '@screenmagic/service-kit/contracts';
import type { Database } from '../db/database.ts';
import { insertInboundMessage } from '../db/inbound-message-repository.ts';
import { inboundAction, inboundReply, phoneKey } from '../domain/inbound-keyword.ts';
import type { InboundMessageResult, NewInboundMessage } from '../schemas/inbound-message.ts';

export interface InboundDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly customers: CustomerDirectory;
  readonly outgoing: OutgoingMessages;
}

/** E.164 allows at most 15 digits; fewer than 3 cannot be anyone's phone. */
const PHONE_KEY = /^\+?[0-9]{3,15}$/;

/**
 * `POST /v1/inbound-messages` (SPEC §6): a customer's text. The sender is the customer
 * whose phone matches `from` (both reduced to `+` and digits); a keyword (the whole
 * message, case-insensitive) changes marketing consent or asks for help:
 * - opt-out: consent off at the customer service, then every queued marketing message of
 *   the customer suppressed at the outgoing service (the dispatcher re-checks consent
 *   too, so one claimed meanwhile is caught there);
 * - opt-in: consent on — for broadcasts accepted from now on; what was suppressed stays so;
 * - help: nothing changes.
 * Each keyword's reply goes out at once as a transactional `reply` message (not held to
 * the window: the customer just wrote). Every inbound message is stored, keywords too.
 * When a phone is shared, the consent change applies to every customer with it, the
 * reply goes once (to the first by id).
 *
 * Steps are idempotent, so a client retrying after a 503 gets the same end state.
 *
 * @throws AppError 400 (`from` with no phone in it), 422 UNKNOWN_CUSTOMER, 503.
 */
export async function receiveInboundMessage(
  deps: InboundDeps,
  body: NewInboundMessage,
  requestId: string,
): Promise<InboundMessageResult> {
  const key = phoneKey(body.from);
  if (!PHONE_KEY.test(key)) {
    throw validationFailed('from is not a phone number', [
      { field: 'from', message: 'must be a phone number: an optional + and 3 to 15 digits' },
    ]);
  }
  const matches = await deps.customers.findByPhone(body.from, requestId);
  const first = matches[0];
  if (first === undefined) {
    throw unprocessable(
      'UNKNOWN_CUSTOMER',
      `No customer has the phone ${JSON.stringify(body.from)}`,
      {
        details: [{ field: 'from', message: 'no customer has this phone', value: body.from }],
      },
    );
  }
  const action = inboundAction(body.text);
  const reply = inboundReply(action);
  const id = newId('inb');
  const receivedAt = deps.clock.now();

  let suppressed = 0;
  if (action === 'opt-out' || action === 'opt-in') {
    for (const customer of matches) {
      await deps.customers.setMarketingConsent(customer.id, action === 'opt-in', requestId);
      if (action === 'opt-out') {
        suppressed += await deps.outgoing.suppressMarketing(customer.id, requestId);
      }
    }
  }
  const replyMessageId =
    reply === null
      ? null
      : ((await deps.outgoing.sendReply(
          { inboundMessageId: id, customerId: first.id, text: reply },
          requestId,
        )) ?? null);
  await insertInboundMessage(deps.db, {
    id,
    customer_id: first.id,
    from_phone: body.from,
    text: body.text,
    action,
    reply,
    reply_message_id: replyMessageId,
    received_at: receivedAt,
  });
  return { inboundMessageId: id, customerId: first.id, action, reply, replyMessageId, suppressed };
}
