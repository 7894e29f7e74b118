import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** One delivery the receiver accepted: the signed body, parsed, and when it came. */
export interface Delivery {
  readonly receivedAt: string;
  readonly body: Record<string, unknown>;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** What the receiver saw, as `GET /deliveries` answers it. */
export interface DeliveryLog {
  /** Correctly signed deliveries answered 2xx, in arrival order (retries included). */
  readonly deliveries: Delivery[];
  /** Deliveries refused with a failure status on purpose (`POST /control`). */
  readonly failed: Delivery[];
  /** Requests whose X-Signature did not match: always a bug. */
  readonly rejected: Array<{
    readonly receivedAt: string;
    readonly reason: string;
    readonly rawBody: string;
  }>;
}

export interface WebhookReceiver {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The delivery channel's far end for the e2e stack. `POST /webhook` checks
 * `X-Signature: sha256=<hex HMAC-SHA256 of the raw body>` and records the delivery;
 * `GET /deliveries` lists them, `DELETE /deliveries` forgets them, and
 * `POST /control {"failNext": n, "status": 500}` answers the next n deliveries with that
 * status (to exercise retries).
 */
export function startWebhookReceiver(secret: string, port = 0): Promise<WebhookReceiver> {
  let log: { deliveries: Delivery[]; failed: Delivery[]; rejected: DeliveryLog['rejected'] } = {
    deliveries: [],
    failed: [],
    rejected: [],
  };
  let failNext = 0;
  let failStatus = 500;

  const server: Server = createServer((request, response) => {
    readBody(request).then(
      (raw) => {
        const path = (request.url ?? '/').split('?')[0];
        if (request.method === 'POST' && path === '/webhook')
          return receive(request, response, raw);
        if (request.method === 'GET' && path === '/deliveries') return json(response, 200, log);
        if (request.method === 'DELETE' && path === '/deliveries') {
          log = { deliveries: [], failed: [], rejected: [] };
          return json(response, 200, { cleared: true });
        }
        if (request.method === 'POST' && path === '/control') {
          const control = JSON.parse(raw.toString('utf8') || '{}') as {
            failNext?: number;
            status?: number;
          };
          failNext = control.failNext ?? 0;
          failStatus = control.status ?? 500;
          return json(response, 200, { failNext, status: failStatus });
        }
        return json(response, 404, { error: 'no such route' });
      },
      () => json(response, 400, { error: 'could not read the body' }),
    );
  });

  function receive(request: IncomingMessage, response: ServerResponse, raw: Buffer): void {
    const receivedAt = new Date().toISOString();
    const reason = signatureProblem(secret, raw, request.headers['x-signature']);
    if (reason !== undefined) {
      log.rejected.push({ receivedAt, reason, rawBody: raw.toString('utf8') });
      return json(response, 401, { error: reason });
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      log.rejected.push({ receivedAt, reason: 'body is not JSON', rawBody: raw.toString('utf8') });
      return json(response, 400, { error: 'body is not JSON' });
    }
    const delivery: Delivery = { receivedAt, body, headers: { ...request.headers } };
    if (failNext > 0) {
      failNext -= 1;
      log.failed.push(delivery);
      return json(response, failStatus, { error: 'failing on purpose' });
    }
    log.deliveries.push(delivery);
    json(response, 200, { received: true });
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address !== null ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${actual}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Why a signature does not verify, or undefined when it does. */
export function signatureProblem(
  secret: string,
  raw: Buffer,
  header: string | string[] | undefined,
): string | undefined {
  if (typeof header !== 'string') return 'X-Signature is missing';
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header);
  if (!match?.[1]) return `X-Signature is not sha256=<64 hex digits>: ${header}`;
  const expected = createHmac('sha256', secret).update(raw).digest();
  return timingSafeEqual(expected, Buffer.from(match[1], 'hex'))
    ? undefined
    : 'X-Signature does not match the body';
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
