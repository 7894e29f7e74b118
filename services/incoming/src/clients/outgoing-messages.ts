import { AppError, type ServiceClient } from '@screenmagic/service-kit';

/** An order confirmation for the outgoing service's `POST /internal/messages`. */
export interface ConfirmationMessage {
  /** Default `order-confirmation`; `order-update` corrects an announced processing time. */
  readonly kind?: 'order-confirmation' | 'order-update';
  readonly orderId: string;
  readonly customerId: string;
  readonly text: string;
  /**
   * `false`: due at once (the customer just wrote); `true`: held to the customer's
   * delivery window by the dispatcher.
   */
  readonly holdToWindow: boolean;
}

/** How the outgoing service took a confirmation. */
export type HandoverResult =
  | { readonly outcome: 'accepted'; readonly messageId: string }
  /** The customer no longer exists: the confirmation can never be delivered. */
  | { readonly outcome: 'unknown-customer' };

interface MessageResponse {
  readonly messageId?: unknown;
  readonly error?: { readonly code?: unknown };
}

/**
 * Hands order confirmations to the outgoing service. The call is idempotent on
 * `(kind, orderId)` there, so repeating it after a crash or a timeout never sends twice.
 */
export class OutgoingMessages {
  readonly #client: ServiceClient;

  constructor(client: ServiceClient) {
    this.#client = client;
  }

  /**
   * @throws {AppError} 503 DEPENDENCY_UNAVAILABLE when the outgoing service is down or
   *   failing (retry later), or another AppError for an answer outside the contract.
   */
  async handOver(message: ConfirmationMessage, requestId?: string): Promise<HandoverResult> {
    const response = await this.#client.call<MessageResponse>('POST', '/internal/messages', {
      body: { ...message, kind: message.kind ?? 'order-confirmation' },
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
    throw new AppError(
      502,
      'BAD_GATEWAY',
      `The outgoing service answered ${response.status} to an order confirmation`,
    );
  }

  /**
   * Sends a reply to a customer's inbound message at once (kind `reply`, transactional,
   * not held to the window). Idempotent on the inbound message's id. Null when the
   * customer no longer exists.
   *
   * @throws {AppError} 503 DEPENDENCY_UNAVAILABLE when the outgoing service is down.
   */
  async sendReply(
    reply: { inboundMessageId: string; customerId: string; text: string },
    requestId?: string,
  ): Promise<string | null> {
    const response = await this.#client.call<MessageResponse>('POST', '/internal/messages', {
      body: { kind: 'reply', ...reply },
      ...(requestId === undefined ? {} : { requestId }),
    });
    if (
      (response.status === 200 || response.status === 201) &&
      typeof response.body?.messageId === 'string'
    ) {
      return response.body.messageId;
    }
    if (response.status === 422 && response.body?.error?.code === 'UNKNOWN_CUSTOMER') return null;
    throw new AppError(
      502,
      'BAD_GATEWAY',
      `The outgoing service answered ${response.status} to a reply`,
    );
  }

  /**
   * An opt-out: suppresses the customer's queued marketing messages at once; how many.
   *
   * @throws {AppError} 503 DEPENDENCY_UNAVAILABLE when the outgoing service is down.
   */
  async suppressMarketing(customerId: string, requestId?: string): Promise<number> {
    const response = await this.#client.call<{ suppressed?: unknown }>(
      'POST',
      `/internal/customers/${encodeURIComponent(customerId)}/suppress-marketing`,
      { body: {}, ...(requestId === undefined ? {} : { requestId }) },
    );
    if (response.status === 200 && typeof response.body?.suppressed === 'number') {
      return response.body.suppressed;
    }
    throw new AppError(
      502,
      'BAD_GATEWAY',
      `The outgoing service answered ${response.status} to a suppression`,
    );
  }
}
