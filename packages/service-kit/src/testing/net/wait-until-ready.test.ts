import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './free-port.ts';
import { waitUntilReady } from './wait-until-ready.ts';

describe('waitUntilReady', () => {
  let server: Server | undefined;
  afterEach(
    () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  );

  it('resolves once the URL answers 2xx, after it starts listening late', async () => {
    const port = await freePort();
    let ready = false;
    setTimeout(() => {
      server = createServer((_request, response) => {
        response.writeHead(ready ? 200 : 503).end();
        ready = true;
      }).listen(port, '127.0.0.1');
    }, 150);
    await waitUntilReady(`http://127.0.0.1:${port}/readyz`, { timeoutMs: 5_000 });
    expect(ready).toBe(true);
  });

  it('gives up after the timeout, naming the URL', async () => {
    const port = await freePort();
    await expect(waitUntilReady(`http://127.0.0.1:${port}/`, { timeoutMs: 250 })).rejects.toThrow(
      `http://127.0.0.1:${port}/ not ready after 250 ms`,
    );
  });

  it('stops at once when the process behind it has exited', async () => {
    const port = await freePort();
    await expect(
      waitUntilReady(`http://127.0.0.1:${port}/`, { timeoutMs: 10_000, exited: () => true }),
    ).rejects.toThrow('exited before it was ready');
  });
});
