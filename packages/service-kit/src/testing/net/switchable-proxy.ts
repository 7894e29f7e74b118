import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a real service that a test can take "down" (every connection,
 * open or new, is cut) and bring back: the service looks unreachable to its callers
 * while its database and state stay as they were.
 */
export class SwitchableProxy {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #up = true;
  #port = 0;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(targetPort: number): Promise<SwitchableProxy> {
    const holder: { proxy?: SwitchableProxy } = {};
    const server = createServer((client) => {
      const proxy = holder.proxy;
      if (proxy === undefined || !proxy.#up) {
        client.destroy();
        return;
      }
      const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
      proxy.#track(client);
      proxy.#track(upstream);
      client.pipe(upstream).pipe(client);
      const cut = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', cut);
      upstream.on('error', cut);
      client.on('close', cut);
      upstream.on('close', cut);
    });
    const proxy = new SwitchableProxy(server);
    holder.proxy = proxy;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    proxy.#port = typeof address === 'object' && address !== null ? address.port : 0;
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Cuts every connection and refuses new ones until `up()`. */
  down(): void {
    this.#up = false;
    for (const socket of this.#sockets) socket.destroy();
  }

  up(): void {
    this.#up = true;
  }

  async close(): Promise<void> {
    this.down();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #track(socket: Socket): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
  }
}
