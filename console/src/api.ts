import { createClient, type ApiError, type ScreenmagicClient } from '@screenmagic/client';

/** The API key lives in sessionStorage: it survives a reload, not the browser session. */
const KEY_ITEM = 'screenmagic.apiKey';

export function storedKey(): string | null {
  return sessionStorage.getItem(KEY_ITEM);
}

export function saveKey(key: string): void {
  sessionStorage.setItem(KEY_ITEM, key);
}

export function forgetKey(): void {
  sessionStorage.removeItem(KEY_ITEM);
}

/** An answer of the API that was not a success, as the API said it. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly body: ApiError | null;
  constructor(status: number, body: ApiError | null, fallback: string) {
    super(body?.error?.message ?? fallback);
    this.name = 'ApiFailure';
    this.status = status;
    this.body = body;
  }
  get code(): string | undefined {
    return this.body?.error?.code;
  }
  /** `error.details`: `{ field, message, … }` objects naming what was wrong. */
  get details(): Array<Record<string, unknown>> {
    const details = this.body?.error?.details;
    return Array.isArray(details) ? details : [];
  }
}

/** Listeners told when the API refuses the key (the app asks for it again). */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** The typed client on this gateway with the session's key. */
export function api(): ScreenmagicClient {
  const key = storedKey();
  return createClient({ baseUrl: location.origin, ...(key === null ? {} : { apiKey: key }) });
}

function failure(response: Response, body: unknown): ApiFailure {
  if (response.status === 401) for (const listener of unauthorizedListeners) listener();
  const envelope =
    typeof body === 'object' && body !== null && 'error' in body ? (body as ApiError) : null;
  return new ApiFailure(
    response.status,
    envelope,
    `The API answered ${response.status} ${response.statusText}`.trim(),
  );
}

/** The data of a typed-client call, or an ApiFailure carrying the API's error. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    throw new ApiFailure(0, null, `The API could not be reached: ${(error as Error).message}`);
  }
  if (!result.response.ok) throw failure(result.response, result.error);
  return result.data as T;
}

/**
 * A call to an operation the typed client does not describe yet (one another part of the
 * API is adding): the same envelope handling. Only used where `hasOperation` said it exists.
 */
export async function rawCall<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; rawBody?: string } = {},
): Promise<T> {
  const headers = new Headers({ accept: 'application/json', ...options.headers });
  const key = storedKey();
  if (key !== null) headers.set('authorization', `Bearer ${key}`);
  let payload: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    headers.set('content-type', 'application/json');
    payload = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
    });
  } catch (error) {
    throw new ApiFailure(0, null, `The API could not be reached: ${(error as Error).message}`);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    body = null;
  }
  if (!response.ok) throw failure(response, body);
  return body as T;
}

let operations: Promise<Set<string>> | undefined;

/**
 * The operations the API offers (`"GET /v1/broadcasts"`), read once from the gateway's
 * /openapi.json: pages whose endpoint is missing say so instead of guessing.
 */
export function availableOperations(): Promise<Set<string>> {
  operations ??= fetch('/openapi.json')
    .then((response) => response.json() as Promise<{ paths?: Record<string, object> }>)
    .then(
      (document) =>
        new Set(
          Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
            Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
          ),
        ),
    )
    .catch(() => new Set<string>());
  return operations;
}
