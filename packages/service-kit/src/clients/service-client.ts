import { Agent, request as httpRequest } from 'node:http';
import { AppError, DependencyUnavailableError } from '../errors.ts';
import { REQUEST_ID_HEADER } from '../http/request-id.ts';
import { hasActiveSpan, injectTraceHeaders, inSpan, SpanKind } from '../tracing/trace-context.ts';

export interface ServiceCallOptions {
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  /** Forwarded as `x-request-id`, so one id follows the request across services. */
  readonly requestId?: string;
  readonly timeoutMs?: number;
  /** Aborts the call (a long poll given up when its service stops): it then rejects. */
  readonly signal?: AbortSignal;
}

export interface ServiceResponse<T> {
  readonly status: number;
  readonly body: T;
}

/**
 * An HTTP client for another screenmagic service's `/internal/*` API: keep-alive
 * connections, JSON in and out, and a bounded wait. A service that is down, slow, or
 * answers 5xx becomes `503 DEPENDENCY_UNAVAILABLE` (with Retry-After) for our caller —
 * never a hang, never a 500 — and so does a 401 (it refused our `INTERNAL_TOKEN`). Other
 * 4xx answers are returned for the caller to interpret.
 * A call made inside a trace is a CLIENT span whose `traceparent` the other service
 * continues; one made outside any (readiness probes, background batches) starts no trace.
 *
 * Node's own http client (an `http.Agent` with keep-alive), not undici: undici costs every
 * process that imports it ~6 MB idle and its first request ~10 MB more (its HTTP parser is
 * WebAssembly, compiled in the process), while Node's parser is part of the executable
 * (README, Benchmarks: memory; docs/decisions.md).
 */
export class ServiceClient {
  readonly name: string;
  readonly #agent: Agent;
  readonly #host: string;
  readonly #hostname: string;
  readonly #port: string;
  /** The bound of a call that names none. */
  readonly timeoutMs: number;
  readonly #authorization: string | undefined;

  /** `token`: `INTERNAL_TOKEN`, sent as `Authorization: Bearer <token>` on every call. */
  constructor(
    name: string,
    baseUrl: URL,
    options: { timeoutMs: number; connections?: number; token?: string | undefined },
  ) {
    this.name = name;
    this.timeoutMs = options.timeoutMs;
    this.#authorization = options.token === undefined ? undefined : `Bearer ${options.token}`;
    const connections = options.connections ?? 16;
    // Idle connections close after 10 s, well before the services' 72 s keep-alive.
    this.#agent = new Agent({
      keepAlive: true,
      maxSockets: connections,
      maxFreeSockets: connections,
      timeout: 10_000,
    });
    this.#host = baseUrl.host;
    this.#hostname = baseUrl.hostname.replace(/^\[(.*)\]$/, '$1');
    this.#port = baseUrl.port || '80';
  }

  call<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    options: ServiceCallOptions = {},
  ): Promise<ServiceResponse<T>> {
    if (!hasActiveSpan()) return this.#call<T>(method, path, options);
    return inSpan(
      `${method} ${this.name}`,
      { kind: SpanKind.CLIENT, attributes: { 'http.request.method': method, 'url.path': path } },
      () => this.#call<T>(method, path, options),
    );
  }

  async #call<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    options: ServiceCallOptions,
  ): Promise<ServiceResponse<T>> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    let search = '';
    if (options.query) {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(options.query)) {
        if (value !== undefined) params.append(name, String(value));
      }
      const encoded = params.toString();
      if (encoded !== '') search = `${path.includes('?') ? '&' : '?'}${encoded}`;
    }
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string> = { host: this.#host, accept: 'application/json' };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    if (options.requestId) headers[REQUEST_ID_HEADER] = options.requestId;
    if (this.#authorization !== undefined) headers['authorization'] = this.#authorization;
    injectTraceHeaders(headers);
    let status: number;
    let text: string;
    try {
      ({ status, text } = await this.#send(
        method,
        path + search,
        headers,
        payload,
        timeoutMs,
        options.signal,
      ));
    } catch (error) {
      throw new DependencyUnavailableError(
        this.name,
        `The ${this.name} service is unavailable; retry later`,
        error,
      );
    }
    // Our INTERNAL_TOKEN is not the other service's (a misconfiguration, or a rotation in
    // progress): unavailable to us until it is fixed, so callers retry rather than give up.
    if (status === 401) {
      throw new DependencyUnavailableError(
        this.name,
        `The ${this.name} service refused this service's INTERNAL_TOKEN; retry later`,
      );
    }
    if (status >= 500) {
      throw new DependencyUnavailableError(
        this.name,
        `The ${this.name} service failed (${status}); retry later`,
      );
    }
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch (error) {
      throw new AppError(502, 'BAD_GATEWAY', `The ${this.name} service sent invalid JSON`, {
        cause: error,
      });
    }
    return { status, body: body as T };
  }

  /** One exchange, bounded as a whole by `timeoutMs` (connecting, waiting, reading). */
  #send(
    method: string,
    path: string,
    headers: Record<string, string>,
    payload: string | undefined,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(new Error('the call was aborted'));
        return;
      }
      const request = httpRequest(
        { hostname: this.#hostname, port: this.#port, method, path, headers, agent: this.#agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.once('end', () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', abort);
            resolve({
              status: response.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
            });
          });
          response.once('error', fail);
          response.once('close', () => {
            if (!response.complete) fail(new Error('the answer was cut short'));
          });
        },
      );
      // The bound starts when the request gets a connection (as undici's timeouts did): a
      // call queued behind the agent's busy sockets waits for one of them, each of which is
      // bounded itself, instead of timing out for the others' slowness.
      let timer: NodeJS.Timeout | undefined;
      request.once('socket', () => {
        timer = setTimeout(
          () => request.destroy(new Error(`no complete answer within ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      const abort = (): void => {
        request.destroy(new Error('the call was aborted'));
      };
      signal?.addEventListener('abort', abort, { once: true });
      function fail(error: Error): void {
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
        reject(error);
      }
      request.once('error', fail);
      request.end(payload);
    });
  }

  close(): Promise<void> {
    this.#agent.destroy();
    return Promise.resolve();
  }
}

/** True for an error that means the other service could not be reached or answer. */
export function isDependencyUnavailable(error: unknown): boolean {
  return error instanceof DependencyUnavailableError;
}
