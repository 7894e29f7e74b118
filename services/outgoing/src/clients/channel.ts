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
} & (
  | { readonly broadcastId: string }
  | { readonly orderId: string }
  /** A reply (`kind: "reply"`): the customer's inbound message it answers. */
  | { readonly inboundMessageId: string }
);

/** A delivery channel. `deliver` resolves once the receiver accepted the message. */
export interface Channel {
  readonly name: string;
  /**
   * Throws {@link DeliveryError} (or any error) when the attempt failed: it is retried.
   * `traceparent` is the delivery span's (the webhook's header; the trace id of the log
   * channel's line); undefined when tracing is off.
   */
  deliver(delivery: Delivery, traceparent?: string): Promise<void>;
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
 * message, `orderId` for an order confirmation, `inboundMessageId` for a reply. Written field by field (each value
 * through JSON.stringify) rather than through intermediate objects: it runs once per
 * delivery, 100,000 times in a big drain.
 */
export function deliveryBody(delivery: Delivery): string {
  const reference =
    'broadcastId' in delivery
      ? `"broadcastId":${JSON.stringify(delivery.broadcastId)}`
      : 'orderId' in delivery
        ? `"orderId":${JSON.stringify(delivery.orderId)}`
        : `"inboundMessageId":${JSON.stringify(delivery.inboundMessageId)}`;
  return (
    `{"messageId":${JSON.stringify(delivery.messageId)},${reference},` +
    `"customerId":${JSON.stringify(delivery.customerId)},"to":${JSON.stringify(delivery.to)},` +
    `"text":${JSON.stringify(delivery.text)},"kind":${JSON.stringify(delivery.kind)},` +
    `"sentAt":${JSON.stringify(delivery.sentAt)}}`
  );
}
