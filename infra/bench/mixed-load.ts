/**
 * The mixed load of issue 15's memory target, through the gateway, evenly paced: per ten
 * requests seven `GET /v1/customers/{id}`, two `POST /v1/orders` (an open calendar: each
 * order is confirmed and handed to the outgoing service, whose dispatcher delivers it) and
 * one `POST /v1/customers`. Bounded in time and count, to 127.0.0.1 only; requests that
 * would exceed `maxInFlight` are not sent and counted as skipped.
 */
import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export type Kind = 'GET /v1/customers/{id}' | 'POST /v1/orders' | 'POST /v1/customers';

/** Which request the i-th one is: 7 : 2 : 1, interleaved. */
const PATTERN: readonly Kind[] = [
  'GET /v1/customers/{id}',
  'GET /v1/customers/{id}',
  'POST /v1/orders',
  'GET /v1/customers/{id}',
  'GET /v1/customers/{id}',
  'POST /v1/customers',
  'GET /v1/customers/{id}',
  'POST /v1/orders',
  'GET /v1/customers/{id}',
  'GET /v1/customers/{id}',
];

export interface LoadOptions {
  readonly gatewayUrl: string;
  readonly apiKey: string;
  readonly ratePerSecond: number;
  readonly seconds: number;
  /** Seeded customers to read and order for. */
  readonly customers: readonly { readonly id: string; readonly name: string }[];
  /** Makes names and order ids unique to this run. */
  readonly runId: string;
  readonly maxInFlight?: number;
  /** Called about once a second while the load runs (e.g. to sample memory). */
  readonly onSecond?: () => void;
}

export interface KindResult {
  sent: number;
  /** Answers by status code. */
  readonly statuses: Map<number, number>;
  errors: number;
  readonly latenciesMs: number[];
}

export interface LoadResult {
  readonly byKind: ReadonlyMap<Kind, KindResult>;
  readonly skipped: number;
  readonly elapsedSeconds: number;
}

export async function runMixedLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.gatewayUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) {
    throw new Error(`the load goes to this machine only, not ${target.hostname}`);
  }
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const byKind = new Map<Kind, KindResult>(
    [...new Set(PATTERN)].map((kind) => [
      kind,
      { sent: 0, statuses: new Map(), errors: 0, latenciesMs: [] },
    ]),
  );
  const total = Math.round(options.ratePerSecond * options.seconds);
  const maxInFlight = options.maxInFlight ?? 256;
  const pending = new Set<Promise<void>>();
  let skipped = 0;
  const started = performance.now();
  let nextSecond = 1;

  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / options.ratePerSecond;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    if (performance.now() - started >= nextSecond * 1000) {
      nextSecond += 1;
      options.onSecond?.();
    }
    if (pending.size >= maxInFlight) {
      skipped += 1;
      continue;
    }
    const kind = PATTERN[i % PATTERN.length] as Kind;
    const call = send(agent, target, options, kind, i, byKind.get(kind) as KindResult);
    pending.add(call);
    void call.finally(() => pending.delete(call));
  }
  await Promise.all(pending);
  agent.destroy();
  return { byKind, skipped, elapsedSeconds: (performance.now() - started) / 1000 };
}

async function send(
  agent: Agent,
  target: URL,
  options: LoadOptions,
  kind: Kind,
  i: number,
  result: KindResult,
): Promise<void> {
  const customer = options.customers[i % options.customers.length];
  if (!customer) throw new Error('the load needs seeded customers');
  let method = 'POST';
  let path: string;
  let body: unknown;
  if (kind === 'GET /v1/customers/{id}') {
    method = 'GET';
    path = `/v1/customers/${customer.id}`;
  } else if (kind === 'POST /v1/orders') {
    path = '/v1/orders';
    body = {
      customer: customer.name,
      orderId: `LOAD-${options.runId}-${i}`,
      productId: 'SKU-1',
      payment: { method: 'upi', amount: '499.00', currency: 'INR' },
    };
  } else {
    path = '/v1/customers';
    body = { name: `Load ${options.runId} ${i}`, workingHours: OPEN };
  }
  result.sent += 1;
  const started = performance.now();
  try {
    const status = await call(agent, new URL(path, target), method, options.apiKey, body);
    result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
    result.latenciesMs.push(performance.now() - started);
  } catch {
    result.errors += 1;
  }
}

/** Working hours around the clock: orders are confirmed and delivered at once. */
export const OPEN = { timeZone: 'Asia/Kolkata', start: '00:00', end: '24:00' } as const;

/** One request; resolves with the status once the whole answer is read. */
export function call(
  agent: Agent,
  url: URL,
  method: string,
  apiKey: string,
  body?: unknown,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      url,
      {
        method,
        agent,
        headers: {
          authorization: `Bearer ${apiKey}`,
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
        timeout: 10_000,
      },
      (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
        response.once('error', reject);
      },
    );
    req.once('timeout', () => req.destroy(new Error('timed out')));
    req.once('error', reject);
    req.end(payload);
  });
}
