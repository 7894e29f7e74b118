import { injectTraceHeaders, WebhookPool, type WebhookSigner } from '@screenmagic/service-kit';
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
 * dispatcher retries. The POST carries the delivery span's `traceparent`, so the
 * receiver can continue the trace of the request that created the message.
 */
export class WebhookChannel implements Channel {
  readonly name = 'webhook';
  readonly #pool: WebhookPool;
  readonly #path: string;
  readonly #options: WebhookChannelOptions;

  constructor(options: WebhookChannelOptions) {
    this.#options = options;
    this.#path = `${options.url.pathname}${options.url.search}`;
    this.#pool = new WebhookPool(options.url.origin, {
      connections: options.connections,
      connectTimeoutMs: Math.min(options.timeoutMs, 5_000),
    });
  }

  async deliver(delivery: Delivery): Promise<void> {
    const body = deliveryBody(delivery);
    const { secret, signer } = this.#options;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-message-id': delivery.messageId,
      ...(secret === undefined ? {} : { 'x-signature': signBody(body, secret) }),
      ...signer?.headers(delivery.messageId, body),
    };
    injectTraceHeaders(headers);
    let status: number;
    try {
      const response = await this.#pool.request({
        method: 'POST',
        path: this.#path,
        headers,
        body,
        // undici's own timers bound the wait (connect, headers, body). No AbortSignal.timeout
        // per request: each would stay alive, with its timer, for the full timeout —
        // tens of thousands at a time at full speed (measured: most of the GC time).
        headersTimeout: this.#options.timeoutMs,
        bodyTimeout: this.#options.timeoutMs,
      });
      status = response.statusCode;
      await response.body.dump();
    } catch (error) {
      throw new DeliveryError(`webhook unreachable: ${(error as Error).message}`, { cause: error });
    }
    if (status < 200 || status >= 300) throw new DeliveryError(`webhook answered ${status}`);
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}
