import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) of a JSON value in canonical form (object keys sorted at every level), so
 * the same body sent with its keys in another order counts as the same request.
 *
 * @example
 * requestHash({ b: 1, a: [1, 2] }) === requestHash({ a: [1, 2], b: 1 }) // => true
 */
export function requestHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** JSON text with object keys sorted; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
