import { createServer, type Server } from 'node:http';
import { verifySignature } from '../../src/clients/signature.ts';

export interface ReceivedDelivery {
  readonly body: Record<string, unknown>;
  readonly signature: string | undefined;
  readonly status: number;
  readonly traceparent: string | undefined;
  /** The exact body bytes and the headers (Standard Webhooks verification). */
  readonly raw: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * A webhook receiver on 127.0.0.1 for tests: verifies `X-Signature` over the raw body
 * bytes (401 when it does not match), records every request, and answers with the
 * statuses queued in `respondWith` (then 200), or hangs for `hangMs`.
 */
export class WebhookReceiver {
  readonly requests: ReceivedDelivery[] = [];
  readonly rejected: string[] = [];
  readonly respondWith: number[] = [];
  hangMs = 0;
  readonly #server: Server;
  readonly #secret: string;

  private constructor(server: Server, secret: string) {
    this.#server = server;
    this.#secret = secret;
  }

  static async start(secret: string): Promise<WebhookReceiver> {
    const ref: { receiver?: WebhookReceiver } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks);
        const r = ref.receiver as WebhookReceiver;
        const signature = request.headers['x-signature'] as string | undefined;
        if (!verifySignature(raw, r.#secret, signature)) {
          r.rejected.push(raw.toString('utf8'));
          response.writeHead(401).end();
          return;
        }
        const status = r.respondWith.shift() ?? 200;
        r.requests.push({
          body: JSON.parse(raw.toString('utf8')) as Record<string, unknown>,
          signature,
          status,
          traceparent: request.headers['traceparent'] as string | undefined,
          raw: raw.toString('utf8'),
          headers: Object.fromEntries(
            Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
          ),
        });
        const answer = () =>
          response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
        if (r.hangMs > 0) setTimeout(answer, r.hangMs);
        else answer();
      });
    });
    const receiver = new WebhookReceiver(server, secret);
    ref.receiver = receiver;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    const address = this.#server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    return `http://127.0.0.1:${port}/hooks/deliveries?source=screenmagic`;
  }

  /** Accepted (2xx) deliveries. */
  get delivered(): ReceivedDelivery[] {
    return this.requests.filter((r) => r.status >= 200 && r.status < 300);
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
