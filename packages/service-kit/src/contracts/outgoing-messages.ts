import type { ServiceClient } from '../clients/service-client.ts';
import { contractBroken } from '../errors.ts';
import {
  type CancelOrderUpdatesResult,
  type InternalMessageCreated,
  type NewOrderMessage,
  OUTGOING_PATHS,
} from './outgoing-api.ts';

/**
 * A message to hand over: `kind` defaults to `order-confirmation`; `order-update` corrects
 * an announced processing time.
 */
export type ConfirmationMessage = Omit<NewOrderMessage, 'kind'> & {
  readonly kind?: NewOrderMessage['kind'];
};

/** How the outgoing service took a confirmation. */
export type HandoverResult =
  | { readonly outcome: 'accepted'; readonly messageId: string }
  /** The customer no longer exists: the confirmation can never be delivered. */
  | { readonly outcome: 'unknown-customer' };

interface MessageResponse extends Partial<InternalMessageCreated> {
  readonly error?: { readonly code?: unknown };
}

/**
 * The one client of the outgoing service's `POST /internal/messages`. The call is
 * idempotent on `(kind, orderId)` there, so repeating it after a crash or a timeout never
 * sends twice. Errors like every internal client: unreachable, slow, 5xx →
 * `DependencyUnavailableError` (retry later); another answer outside the contract → 502.
 */
export class OutgoingMessages {
  readonly #client: ServiceClient;

  constructor(client: ServiceClient) {
    this.#client = client;
  }

  async handOver(message: ConfirmationMessage, requestId?: string): Promise<HandoverResult> {
    const body: NewOrderMessage = { ...message, kind: message.kind ?? 'order-confirmation' };
    const response = await this.#client.call<MessageResponse>('POST', OUTGOING_PATHS.messages, {
      body,
      ...(requestId === undefined ? {} : { requestId }),
    });
    if (
      (response.status === 200 || response.status === 201) &&
      typeof response.body?.messageId === 'string'
    ) {
      return { outcome: 'accepted', messageId: response.body.messageId };
    }
    if (response.status === 422 && response.body?.error?.code === 'UNKNOWN_CUSTOMER') {
      return { outcome: 'unknown-customer' };
    }
    throw contractBroken('outgoing', 'an order confirmation', response.status);
  }

  /**
   * Sends the reply to a customer's inbound message at once (kind `reply`, transactional,
   * not held to the window), idempotent on the inbound message's id; `undefined` when the
   * customer no longer exists.
   */
  async sendReply(
    reply: { inboundMessageId: string; customerId: string; text: string },
    requestId?: string,
  ): Promise<string | undefined> {
    const response = await this.#client.call<MessageResponse>('POST', OUTGOING_PATHS.messages, {
      body: { kind: 'reply', ...reply },
      ...(requestId === undefined ? {} : { requestId }),
    });
    if (
      (response.status === 200 || response.status === 201) &&
      typeof response.body?.messageId === 'string'
    ) {
      return response.body.messageId;
    }
    if (response.status === 422 && response.body?.error?.code === 'UNKNOWN_CUSTOMER') {
      return undefined;
    }
    throw contractBroken('outgoing', 'a reply', response.status);
  }

  /**
   * Cancels the order's corrections not sent yet (`detail` says why, in their history)
   * and lists every correction of the order as it stands afterwards. Idempotent.
   */
  async cancelOrderUpdates(
    orderId: string,
    detail: string,
    requestId?: string,
  ): Promise<CancelOrderUpdatesResult> {
    const response = await this.#client.call<Partial<CancelOrderUpdatesResult>>(
      'POST',
      OUTGOING_PATHS.cancelOrderUpdates(orderId),
      { body: { detail }, ...(requestId === undefined ? {} : { requestId }) },
    );
    const body = response.body;
    if (
      response.status === 200 &&
      Array.isArray(body?.cancelled) &&
      Array.isArray(body?.corrections)
    ) {
      return { cancelled: body.cancelled, corrections: body.corrections };
    }
    throw contractBroken('outgoing', 'a cancellation of corrections', response.status);
  }

  /** An opt-out: suppresses the customer's queued marketing messages at once; how many. */
  async suppressMarketing(customerId: string, requestId?: string): Promise<number> {
    const response = await this.#client.call<{ suppressed?: unknown }>(
      'POST',
      OUTGOING_PATHS.suppressMarketing(customerId),
      { body: {}, ...(requestId === undefined ? {} : { requestId }) },
    );
    if (response.status === 200 && typeof response.body?.suppressed === 'number') {
      return response.body.suppressed;
    }
    throw contractBroken('outgoing', 'a suppression', response.status);
  }
}
