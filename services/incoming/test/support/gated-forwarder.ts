import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP forwarder in front of a real service whose requests wait at a gate: while it
 * is closed they are held (a slow receiver, a worker mid-batch); `open()` forwards them
 * and everything after. `hang: true` never answers at all (a dead upstream).
 */
export class GatedForwarder {
  readonly #server: Server;
  readonly #target: string;
  readonly #hang: boolean;
  #open = false;
  #waiting: (() => void)[] = [];
  /** Requests received so far. */
  received = 0;

  private constructor(server: Server, target: string, hang: boolean) {
    this.#server = server;
    this.#target = target;
    this.#hang = hang;
  }

  static async start(target: string, options: { hang?: boolean } = {}): Promise<GatedForwarder> {
    const holder: { forwarder?: GatedForwarder } = {};
    const server = createServer((request, response) => {
      const forwarder = holder.forwarder;
      if (forwarder === undefined) return void response.destroy();
      forwarder.received++;
      if (forwarder.#hang) return;
      void forwarder
        .#forward(request)
        .then(async (answer) => {
          response.writeHead(answer.status, {
            'content-type': answer.headers.get('content-type') ?? 'application/json',
          });
          response.end(Buffer.from(await answer.arrayBuffer()));
        })
        .catch(() => response.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const forwarder = new GatedForwarder(server, target, options.hang ?? false);
    holder.forwarder = forwarder;
    return forwarder;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Lets every held and future request through. */
  open(): void {
    this.#open = true;
    for (const release of this.#waiting.splice(0)) release();
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #forward(request: IncomingMessage): Promise<Response> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (!this.#open) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'x-request-id', 'authorization']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    return fetch(`${this.#target}${request.url ?? '/'}`, {
      method: request.method ?? 'GET',
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
  }
}
