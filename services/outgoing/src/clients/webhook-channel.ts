import { type WebhookSigner, WebhookTarget } from '@screenmagic/service-kit';
import { type Channel, type Delivery, DeliveryError, deliveryBody } from './channel.ts';
import { signBody } from './signature.ts';

export interface WebhookChannelOptions {
  readonly url: URL;
  /** `X-Signature`'s key; undefined: no X-Signature. */
  readonly secret: string | undefined;
  /** Standard Webhooks headers (`webhook-id` = the messageId, stable across retries). */
  readonly signer: WebhookSigner | undefined;
  readonly timeoutMs: number;
  /** Keep-alive connections to the receiver (the dispatcher's deliveries in flight). */
  readonly connections: number;
}

/**
 * `DELIVERY_WEBHOOK_URL` set: one signed HTTP POST per message — `X-Signature` (HMAC of
 * the body with `DELIVERY_WEBHOOK_SECRET`) and the Standard Webhooks headers (SPEC §7). A 2xx answer is a
 * delivery; anything else (non-2xx, timeout, connection refused) is a failed attempt the
 * dispatcher retries. The POST carries the delivery span's `traceparent` (given by the
 * dispatcher), so the receiver can continue the trace of the request that created the
 * message.
 */
export class WebhookChannel implements Channel {
  readonly name = 'webhook';
  readonly #target: WebhookTarget;
  readonly #options: WebhookChannelOptions;

  constructor(options: WebhookChannelOptions) {
    this.#options = options;
    this.#target = new WebhookTarget(options.url, options);
  }

  async deliver(delivery: Delivery, traceparent?: string): Promise<void> {
    const body = deliveryBody(delivery);
    const { secret, signer } = this.#options;
    // Built in place (no spread of per-message temporaries: this runs once per delivery).
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-message-id': delivery.messageId,
    };
    if (secret !== undefined) headers['x-signature'] = signBody(body, secret);
    if (signer !== undefined) Object.assign(headers, signer.headers(delivery.messageId, body));
    if (traceparent !== undefined) headers['traceparent'] = traceparent;
    let status: number;
    try {
      status = await this.#target.post(headers, body);
    } catch (error) {
      throw new DeliveryError(`webhook unreachable: ${(error as Error).message}`, { cause: error });
    }
    if (status < 200 || status >= 300) throw new DeliveryError(`webhook answered ${status}`);
  }

  close(): Promise<void> {
    return this.#target.close();
  }
}
