import { hash, timingSafeEqual } from 'node:crypto';

/**
 * The accepted API keys, kept only as SHA-256 digests. `match` hashes the presented key
 * and compares it with every digest in constant time, without stopping at the first hit,
 * so neither the key's content nor which key matched shows in the timing.
 */
export class ApiKeys {
  readonly #digests: readonly Buffer[];

  constructor(keys: readonly string[]) {
    this.#digests = keys.map(digest);
  }

  get size(): number {
    return this.#digests.length;
  }

  /** The index of the key that matches (a stable, secret-free identity for rate limiting), or -1. */
  match(presented: string): number {
    const candidate = digest(presented);
    let found = -1;
    for (let index = 0; index < this.#digests.length; index++) {
      // Every digest is compared; `found` keeps the first match.
      if (timingSafeEqual(candidate, this.#digests[index]!) && found === -1) found = index;
    }
    return found;
  }
}

function digest(key: string): Buffer {
  // The one-shot hash: no Hash object per request.
  return hash('sha256', key, 'buffer');
}
