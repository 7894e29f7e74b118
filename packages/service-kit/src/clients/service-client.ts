import { Pool, errors as undiciErrors } from 'undici';
import { AppError, DependencyUnavailableError } from '../errors.ts';
import { REQUEST_ID_HEADER } from '../http/request-id.ts';
import { hasActiveSpan, injectTraceHeaders, inSpan, SpanKind } from '../tracing/trace-context.ts';

export interface ServiceCallOptions {
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  /** Forwarded as `x-request-id`, so one id follows the request across services. */
  readonly requestId?: string;
  readonly timeoutMs?: number;
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
 */
export class ServiceClient {
  readonly name: string;
  readonly #pool: Pool;
  readonly #timeoutMs: number;
  readonly #authorization: string | undefined;

  /** `token`: `INTERNAL_TOKEN`, sent as `Authorization: Bearer <token>` on every call. */
  constructor(
    name: string,
    baseUrl: URL,
    options: { timeoutMs: number; connections?: number; token?: string | undefined },
  ) {
    this.name = name;
    this.#timeoutMs = options.timeoutMs;
    this.#authorization = options.token === undefined ? undefined : `Bearer ${options.token}`;
    this.#pool = new Pool(baseUrl.origin, {
      connections: options.connections ?? 16,
      connectTimeout: Math.min(options.timeoutMs, 3_000),
      keepAliveTimeout: 10_000,
    });
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
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    const query = options.query
      ? Object.fromEntries(Object.entries(options.query).filter(([, v]) => v !== undefined))
      : undefined;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.requestId) headers[REQUEST_ID_HEADER] = options.requestId;
    if (this.#authorization !== undefined) headers['authorization'] = this.#authorization;
    injectTraceHeaders(headers);
    let status: number;
    let text: string;
    try {
      const response = await this.#pool.request({
        method,
        path,
        ...(query ? { query } : {}),
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.statusCode;
      text = await response.body.text();
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

  close(): Promise<void> {
    return this.#pool.close();
  }
}

/** True for an error that means the other service could not be reached or answer. */
export function isDependencyUnavailable(error: unknown): boolean {
  return error instanceof DependencyUnavailableError || error instanceof undiciErrors.UndiciError;
}
