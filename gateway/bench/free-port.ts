import { createServer } from 'node:net';

/** `count` distinct TCP ports on 127.0.0.1 that were free a moment ago. */
export async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) {
    ports.add(
      await new Promise<number>((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
          const address = server.address();
          server.close(() =>
            resolve(typeof address === 'object' && address !== null ? address.port : 0),
          );
        });
      }),
    );
  }
  return [...ports];
}
