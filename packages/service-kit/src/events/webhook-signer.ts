import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
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
 * Signs webhook bodies per the Standard Webhooks specification: `webhook-signature` carries one `v1,<base64>` per key, space-separated, so a
 * receiver that knows any one of them verifies the POST — a secret is rotated by adding
 * the new one, moving the receivers over, then removing the old one, with no downtime.
 *
 * The signature is `v1,` + base64 HMAC-SHA256 of `<id>.<timestamp>.<body>`, computed with
 * `node:crypto` (the `standardwebhooks` package, which checks the keys here and verifies
 * in the tests, hashes in pure JavaScript: 4% of the dispatcher's CPU in a drain, issue 15).
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
  /**
   * Each key as a `KeyObject`, made once: on Node 24 `createHmac` with a `Buffer` key
   * costs ~12 µs a call (in `prepareSecretKey`), with a `KeyObject` ~2 µs — 10 µs of the
   * dispatcher's CPU per delivered message (issue 15, README "Benchmarks").
   */
  readonly #keys: readonly KeyObject[];

  constructor(keys: readonly SigningKey[]) {
    if (keys.length === 0) throw new RangeError('WebhookSigner needs at least one key');
    this.#keys = keys.map((key) => {
      // The package's constructor refuses what the specification refuses (an empty key).
      if (key.kind === 'raw') {
        new Webhook(key.secret, { format: 'raw' });
        // Its raw key: each character's low byte.
        return createSecretKey(Buffer.from(key.secret, 'latin1'));
      }
      new Webhook(key.secret);
      return createSecretKey(Buffer.from(key.secret.replace(/^whsec_/, ''), 'base64'));
    });
  }

  /** How many signatures each POST carries. */
  get keyCount(): number {
    return this.#keys.length;
  }

  /** Headers for one POST of `body`; `sentAt` defaults to the real time now (see above). */
  // eslint-disable-next-line no-restricted-syntax -- receivers compare it with their real clock (SPEC §7)
  headers(id: string, body: string, sentAt: Date = new Date()): StandardWebhookHeaders {
    const timestamp = String(Math.floor(sentAt.getTime() / 1_000));
    let signatures = '';
    for (const key of this.#keys) {
      const mac = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body);
      signatures += `${signatures === '' ? '' : ' '}v1,${mac.digest('base64')}`;
    }
    return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signatures };
  }
}
