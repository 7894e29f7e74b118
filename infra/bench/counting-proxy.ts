/**
 * A TCP proxy in front of MySQL/MariaDB that counts the commands one client process sends
 * and how long the server takes to start answering each: what a process costs the
 * database, attributable to it even when the server is shared with other work (its global
 * counters and CPU are not). Reads the MySQL protocol's packet headers only: a packet with
 * sequence id 0 from the client starts a command, whose first payload byte is its type.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

const COMMANDS: Readonly<Record<number, string>> = {
  0x01: 'QUIT',
  0x03: 'QUERY',
  0x0e: 'PING',
  0x16: 'STMT_PREPARE',
  0x17: 'STMT_EXECUTE',
  0x19: 'STMT_CLOSE',
};

export interface CommandStats {
  count: number;
  /** One statement as sent (QUERY only), to replay. */
  example?: string;
  /** Sum of the times from the command to the server's first answer, ms. */
  serverMs: number;
}

export interface CountingProxy {
  readonly port: number;
  /** Commands by type (QUERY, STMT_EXECUTE, …), and by statement text for QUERY. */
  readonly byType: Map<string, CommandStats>;
  readonly byStatement: Map<string, CommandStats>;
  reset(): void;
  close(): Promise<void>;
}

export async function startCountingProxy(target: {
  host: string;
  port: number;
}): Promise<CountingProxy> {
  const byType = new Map<string, CommandStats>();
  const byStatement = new Map<string, CommandStats>();
  const sockets = new Set<Socket>();
  const add = (map: Map<string, CommandStats>, key: string, ms: number, example?: string) => {
    const stats = map.get(key) ?? { count: 0, serverMs: 0, ...(example ? { example } : {}) };
    stats.count += 1;
    stats.serverMs += ms;
    map.set(key, stats);
  };

  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let buffered = Buffer.alloc(0);
    let pending:
      { type: string; statement: string | undefined; example: string; at: number } | undefined;
    client.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 4) {
        const length = buffered.readUIntLE(0, 3);
        if (buffered.length < 4 + length) break;
        if (buffered[3] === 0 && length > 0) {
          const code = buffered[4] ?? 0;
          const type = COMMANDS[code] ?? `0x${code.toString(16)}`;
          const example = code === 0x03 ? buffered.subarray(5, 4 + length).toString('utf8') : '';
          const statement =
            code === 0x03
              ? example
                  .replace(/\s+/g, ' ')
                  .replace(/'[^']*'|\b\d+\b/g, '?')
                  .slice(0, 90)
              : undefined;
          pending = { type, statement, example, at: performance.now() };
        }
        buffered = buffered.subarray(4 + length);
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (pending) {
        const ms = performance.now() - pending.at;
        add(byType, pending.type, ms);
        if (pending.statement !== undefined) {
          add(byStatement, pending.statement, ms, pending.example);
        }
        pending = undefined;
      }
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    byType,
    byStatement,
    reset: () => {
      byType.clear();
      byStatement.clear();
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
