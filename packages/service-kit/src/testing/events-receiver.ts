import { createServer, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';

export interface ReceivedEvent {
  readonly id: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly data: Record<string, unknown>;
}

/**
 * An events webhook receiver for tests: every POST must verify with EACH of `secrets`
 * (the library's own `Webhook.verify`: signature over id, timestamp and body, timestamp
 * within five minutes of the real clock) — else 401 and it is recorded as rejected.
 * While `down` it answers 503 (an outage); otherwise 200 and the event is kept, with the
 * `traceparent` it came with.
 */
export class EventsReceiver {
  readonly events: ReceivedEvent[] = [];
  readonly rejected: string[] = [];
  /** The `traceparent` header of each kept event, by event id (the last POST's). */
  readonly traceparents = new Map<string, string | undefined>();
  /** POSTs answered 503 while down. */
  refused = 0;
  down = false;
  readonly #server: Server;
  readonly #webhooks: readonly Webhook[];

  private constructor(server: Server, secrets: readonly string[]) {
    this.#server = server;
    this.#webhooks = secrets.map((secret) => new Webhook(secret));
  }

  static async start(secrets: readonly string[]): Promise<EventsReceiver> {
    const ref: { receiver?: EventsReceiver } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const r = ref.receiver as EventsReceiver;
        const raw = Buffer.concat(chunks).toString('utf8');
        const headers = Object.fromEntries(
          Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
        );
        let event: ReceivedEvent;
        try {
          const verified = r.#webhooks.map((webhook) => webhook.verify(raw, headers));
          event = verified[0] as ReceivedEvent;
        } catch (error) {
          r.rejected.push(`${(error as Error).message}: ${raw}`);
          response.writeHead(401).end();
          return;
        }
        if (r.down) {
          r.refused++;
          response.writeHead(503).end();
          return;
        }
        r.events.push(event);
        r.traceparents.set(event.id, headers['traceparent']);
        response.writeHead(200).end();
      });
    });
    const receiver = new EventsReceiver(server, secrets);
    ref.receiver = receiver;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    const address = this.#server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    return `http://127.0.0.1:${port}/hooks/events`;
  }

  /** Each message's (or order's) event types, in arrival order, duplicates removed. */
  typesBy(key: 'messageId' | 'orderId'): Map<string, string[]> {
    const seen = new Set<string>();
    const streams = new Map<string, string[]>();
    for (const event of this.events) {
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      const stream = String(event.data[key]);
      streams.set(stream, [...(streams.get(stream) ?? []), event.type]);
    }
    return streams;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
