import type { Dispatcher, Pool } from 'undici';

export interface WebhookPoolOptions {
  /** Keep-alive connections to the receiver. */
  readonly connections: number;
  readonly connectTimeoutMs: number;
}

/**
 * undici's connection pool to a webhook receiver, loaded with the first POST. undici is
 * the fastest client for the delivery paths (one POST per message or event), but it costs
 * every process that imports it ~6 MB idle and its first request ~10 MB more (its HTTP
 * parser is WebAssembly, compiled in the process): a service without a webhook configured,
 * or that has not posted yet, does not pay (README, Benchmarks: memory).
 */
export class WebhookPool {
  readonly #origin: string;
  readonly #options: WebhookPoolOptions;
  #pool: Promise<Pool> | undefined;

  constructor(origin: string, options: WebhookPoolOptions) {
    this.#origin = origin;
    this.#options = options;
  }

  async request(options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> {
    this.#pool ??= import('undici').then(
      ({ Pool: UndiciPool }) =>
        new UndiciPool(this.#origin, {
          connections: this.#options.connections,
          connectTimeout: this.#options.connectTimeoutMs,
          keepAliveTimeout: 10_000,
        }),
    );
    return (await this.#pool).request(options);
  }

  async close(): Promise<void> {
    if (this.#pool !== undefined) await (await this.#pool).close();
  }
}
