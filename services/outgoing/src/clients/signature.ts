import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `X-Signature` of a webhook body: `sha256=` + the hex HMAC-SHA256 of the exact body
 * bytes, keyed with `DELIVERY_WEBHOOK_SECRET`.
 *
 * @example
 * signBody('{"a":1}', 'secret') // => 'sha256=<64 hex digits>'
 */
export function signBody(body: string | Uint8Array, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** What a receiver does: recompute the signature over the raw body, compare in constant time. */
export function verifySignature(
  body: string | Uint8Array,
  secret: string,
  header: string | undefined,
): boolean {
  if (header === undefined) return false;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
