import { Webhook } from 'standardwebhooks';

/** The Standard Webhooks headers of one POST. */
export interface StandardWebhookHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

/** One signing key: a `whsec_…` secret (base64 after the prefix) or raw bytes. */
export type SigningKey =
  | { readonly kind: 'whsec'; readonly secret: string }
  | { readonly kind: 'raw'; readonly secret: string };

/**
 * Signs webhook bodies per the Standard Webhooks specification with the `standardwebhooks`
 * package: `webhook-signature` carries one `v1,<base64>` per key, space-separated, so a
 * receiver that knows any one of them verifies the POST — a secret is rotated by adding
 * the new one, moving the receivers over, then removing the old one, with no downtime.
 *
 * `webhook-timestamp` is the REAL time of sending (`new Date()`, never an injected test
 * clock): receivers compare it with their own clock to refuse replays.
 *
 * @example
 * new WebhookSigner([{ kind: 'whsec', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }])
 *   .headers('evt_1', '{"a":1}')
 * // => { 'webhook-id': 'evt_1', 'webhook-timestamp': '1764496800', 'webhook-signature': 'v1,…' }
 */
export class WebhookSigner {
  readonly #webhooks: readonly Webhook[];

  constructor(keys: readonly SigningKey[]) {
    if (keys.length === 0) throw new RangeError('WebhookSigner needs at least one key');
    this.#webhooks = keys.map((key) =>
      key.kind === 'raw' ? new Webhook(key.secret, { format: 'raw' }) : new Webhook(key.secret),
    );
  }

  /** How many signatures each POST carries. */
  get keyCount(): number {
    return this.#webhooks.length;
  }

  /** Headers for one POST of `body`; `sentAt` defaults to the real time now (see above). */
  // eslint-disable-next-line no-restricted-syntax -- receivers compare it with their real clock (SPEC §7)
  headers(id: string, body: string, sentAt: Date = new Date()): StandardWebhookHeaders {
    const signatures = this.#webhooks.map((webhook) => webhook.sign(id, sentAt, body));
    return {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1_000)),
      'webhook-signature': signatures.join(' '),
    };
  }
}
