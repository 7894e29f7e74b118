import type { Pool } from 'undici';

/**
 * A receiver that is POSTed to (a delivery or events webhook): kept-alive connections to
 * its origin, every call bounded by `timeoutMs` through undici's own timers (connect,
 * headers, body). No AbortSignal.timeout per request: each would stay alive, with its
 * timer, for the full timeout — tens of thousands at a time at full speed (measured:
 * most of the GC time).
 *
 * undici is loaded with the first POST. It is the fastest client for the delivery paths
 * (one POST per message or event), but it costs every process that imports it ~6 MB idle
 * and its first request ~10 MB more (its HTTP parser is WebAssembly, compiled in the
 * process): a service without a webhook configured, or that has not posted yet, does not
 * pay (README, Benchmarks: memory).
 */
export class WebhookTarget {
  readonly #origin: string;
  readonly #path: string;
  readonly #timeoutMs: number;
  readonly #connections: number;
  #pool: Promise<Pool> | undefined;

  constructor(url: URL, options: { readonly connections: number; readonly timeoutMs: number }) {
    this.#origin = url.origin;
    this.#path = `${url.pathname}${url.search}`;
    this.#timeoutMs = options.timeoutMs;
    this.#connections = options.connections;
  }

  /**
   * POSTs `body` and reads the answer to its end. Returns its status.
   *
   * @throws the network error (refused, reset, timed out).
   */
  async post(headers: Record<string, string>, body: string): Promise<number> {
    this.#pool ??= import('undici').then(
      ({ Pool: UndiciPool }) =>
        new UndiciPool(this.#origin, {
          connections: this.#connections,
          connectTimeout: Math.min(this.#timeoutMs, 5_000),
          keepAliveTimeout: 10_000,
        }),
    );
    const response = await (
      await this.#pool
    ).request({
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

  async close(): Promise<void> {
    if (this.#pool !== undefined) await (await this.#pool).close();
  }
}
