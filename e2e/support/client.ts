import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createClient, type ScreenmagicClient } from '../../packages/client/src/index.ts';
import type { E2eStack } from './context.ts';
import type { DeliveryLog } from './webhook-receiver.ts';

export type { Delivery, DeliveryLog } from './webhook-receiver.ts';
export type { E2eStack } from './context.ts';
export type * from '../../packages/client/src/index.ts';

/** The error envelope every component answers with (the document's `Error`). */
export type { ApiError as ErrorEnvelope } from '../../packages/client/src/index.ts';

/** A response as the tests see it: status, headers, the JSON body (or the text). */
export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly text: string;
}

export interface CallOptions {
  /** A JSON value to send (serialized), or a string sent as it is. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** The API key to send; `null` sends none. Default: the stack's key. */
  readonly apiKey?: string | null;
  /** Another gateway to call (e.g. one started with other settings). Default: the stack's. */
  readonly baseUrl?: string;
}

/** The running stack's URLs and secrets (from the global setup). */
export function stack(): E2eStack {
  return inject('e2e');
}

/**
 * The API's typed client (`@screenmagic/client`, generated from openapi.json) on the
 * stack's gateway with its API key: what the tests use for every documented operation.
 */
export function client(
  options: { apiKey?: string | null; baseUrl?: string } = {},
): ScreenmagicClient {
  const { gatewayUrl, apiKey } = stack();
  const key = options.apiKey === undefined ? apiKey : options.apiKey;
  return createClient({
    baseUrl: options.baseUrl ?? gatewayUrl,
    ...(key === null ? {} : { apiKey: key }),
  });
}

/**
 * A raw request, for what the typed client cannot (and should not) send: routes outside
 * the API description (health, docs, internal, unknown routes) and malformed requests.
 * `Authorization: Bearer <key>`, JSON in and out.
 */
export async function call<T = unknown>(
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiResponse<T>> {
  const { gatewayUrl, apiKey } = stack();
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const key = options.apiKey === undefined ? apiKey : options.apiKey;
  if (key !== null) headers['authorization'] ??= `Bearer ${key}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${options.baseUrl ?? gatewayUrl}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON (e.g. the /docs page): the text is the body
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

/** Shorthands for `call` (raw requests). */
export const raw = {
  get: <T = unknown>(path: string, options?: CallOptions) => call<T>('GET', path, options),
  post: <T = unknown>(path: string, body?: unknown, options?: CallOptions) =>
    call<T>('POST', path, { ...options, body }),
  patch: <T = unknown>(path: string, body?: unknown, options?: CallOptions) =>
    call<T>('PATCH', path, { ...options, body }),
  delete: <T = unknown>(path: string, options?: CallOptions) => call<T>('DELETE', path, options),
};

/** What `POST /test/clock` answers: the instant and the work each service ran. */
export interface ClockAnswer {
  readonly now: string;
  readonly ran: {
    readonly incoming: Record<string, number>;
    readonly outgoing: Record<string, number>;
  };
}

/**
 * Moves every service's clock to `now` (frozen there) and runs the work due then; fails
 * the test unless the gateway answers 200. The clock is shared by the whole run: set it
 * at the start of every test that depends on time.
 */
export async function setClock(now: string | Date): Promise<ClockAnswer> {
  const instant = typeof now === 'string' ? now : now.toISOString();
  const response = await call<ClockAnswer>('POST', '/test/clock', { body: { now: instant } });
  if (response.status !== 200) {
    throw new Error(`POST /test/clock ${instant} answered ${response.status}: ${response.text}`);
  }
  return response.body;
}

/** What the webhook receiver has seen since the last `clearDeliveries()`. */
export async function deliveryLog(): Promise<DeliveryLog> {
  const response = await fetch(`${stack().webhookUrl}/deliveries`);
  return (await response.json()) as DeliveryLog;
}

/** Forgets every delivery recorded so far (call it at the start of a test that counts them). */
export async function clearDeliveries(): Promise<void> {
  await fetch(`${stack().webhookUrl}/deliveries`, { method: 'DELETE' });
}

/** Answers the next `count` deliveries with `status` (a channel failure) to exercise retries. */
export async function failNextDeliveries(count: number, status = 500): Promise<void> {
  await fetch(`${stack().webhookUrl}/control`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ failNext: count, status }),
  });
}

/**
 * A name no other test in this run uses (the database is shared by every e2e file):
 * `"<label> <random>"`.
 */
export function uniqueName(label: string): string {
  return `${label} ${randomBytes(4).toString('hex')}`;
}
