import { Pool } from 'undici';

/**
 * A receiver that is POSTed to (a delivery or events webhook): kept-alive connections to
 * its origin, every call bounded by `timeoutMs` through undici's own timers (connect,
 * headers, body). No AbortSignal.timeout per request: each would stay alive, with its
 * timer, for the full timeout — tens of thousands at a time at full speed (measured:
 * most of the GC time).
 */
export class WebhookTarget {
  readonly #pool: Pool;
  readonly #path: string;
  readonly #timeoutMs: number;

  constructor(url: URL, options: { readonly connections: number; readonly timeoutMs: number }) {
    this.#path = `${url.pathname}${url.search}`;
    this.#timeoutMs = options.timeoutMs;
    this.#pool = new Pool(url.origin, {
      connections: options.connections,
      connectTimeout: Math.min(options.timeoutMs, 5_000),
      keepAliveTimeout: 10_000,
    });
  }

  /**
   * POSTs `body` and reads the answer to its end. Returns its status.
   *
   * @throws the network error (refused, reset, timed out).
   */
  async post(headers: Record<string, string>, body: string): Promise<number> {
    const response = await this.#pool.request({
      method: 'POST',
      path: this.#path,
      headers,
      body,
      headersTimeout: this.#timeoutMs,
      bodyTimeout: this.#timeoutMs,
    });
    await response.body.dump();
    return response.statusCode;
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}
