import type { MessageKind } from '../domain/message-status.ts';

/**
 * What a channel delivers: the webhook body, field for field (SPEC §3, "Channel").
 * `messageId` is stable across retries (receivers dedupe on it); `sentAt` is the clock's
 * now at this attempt.
 */
export type Delivery = {
  readonly messageId: string;
  readonly customerId: string;
  /** The customer's phone, or their name when they have none. */
  readonly to: string;
  readonly text: string;
  readonly kind: MessageKind;
  readonly sentAt: string;
} & ({ readonly broadcastId: string } | { readonly orderId: string });

/** A delivery channel. `deliver` resolves once the receiver accepted the message. */
export interface Channel {
  readonly name: string;
  /** Throws {@link DeliveryError} (or any error) when the attempt failed: it is retried. */
  deliver(delivery: Delivery): Promise<void>;
  close(): Promise<void>;
}

/** A delivery attempt the receiver did not accept (non-2xx, timeout, refused). */
export class DeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DeliveryError';
  }
}

/**
 * The webhook body: the fields in the documented order, `broadcastId` for a broadcast
 * message and `orderId` for an order confirmation.
 */
export function deliveryBody(delivery: Delivery): string {
  const reference =
    'broadcastId' in delivery
      ? { broadcastId: delivery.broadcastId }
      : { orderId: delivery.orderId };
  return JSON.stringify({
    messageId: delivery.messageId,
    ...reference,
    customerId: delivery.customerId,
    to: delivery.to,
    text: delivery.text,
    kind: delivery.kind,
    sentAt: delivery.sentAt,
  });
}
