import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDependencyUnavailable, ServiceClient } from '../src/clients/service-client.ts';
import { AppError } from '../src/errors.ts';
import { type App, createApp } from '../src/http/create-app.ts';

const TOKEN = 'service-client-token-0123456789';

describe('ServiceClient and INTERNAL_TOKEN', () => {
  let service: App;
  let url: URL;

  beforeAll(async () => {
    service = await createApp({ logger: false, internalToken: TOKEN });
    service.get('/internal/ping', (request) => ({ pong: true, id: request.id }));
    await service.listen({ port: 0, host: '127.0.0.1' });
    const address = service.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    url = new URL(`http://127.0.0.1:${address.port}`);
  });
  afterAll(() => service.close());

  it('sends the token as Authorization: Bearer on every call', async () => {
    const client = new ServiceClient('ping', url, { timeoutMs: 2_000, token: TOKEN });
    try {
      const response = await client.call<{ pong: boolean }>('GET', '/internal/ping');
      expect(response).toMatchObject({ status: 200, body: { pong: true } });
    } finally {
      await client.close();
    }
  });

  it('turns a refused token (401) into 503 DEPENDENCY_UNAVAILABLE, so callers retry', async () => {
    for (const token of [undefined, 'another-token-0123456789']) {
      const client = new ServiceClient('ping', url, { timeoutMs: 2_000, token });
      try {
        const failure = await client.call('GET', '/internal/ping').catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(AppError);
        expect(failure).toMatchObject({
          statusCode: 503,
          code: 'DEPENDENCY_UNAVAILABLE',
          message: expect.stringContaining('INTERNAL_TOKEN'),
        });
      } finally {
        await client.close();
      }
    }
  });
});

describe('ServiceClient over Node http', () => {
  let service: App;
  let url: URL;

  beforeAll(async () => {
    service = await createApp({ logger: false });
    service.post('/internal/echo', (request) => ({
      query: request.query,
      body: request.body,
      requestId: request.headers['x-request-id'],
    }));
    service.get('/internal/fail', async (_request, reply) => reply.code(500).send({}));
    service.get('/internal/slow', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      return {};
    });
    service.get('/internal/not-json', async (_request, reply) =>
      reply.type('application/json').send('{nope'),
    );
    await service.listen({ port: 0, host: '127.0.0.1' });
    const address = service.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    url = new URL(`http://127.0.0.1:${address.port}`);
  });
  afterAll(() => service.close());

  it('sends the query (undefined values left out), a JSON body and the request id', async () => {
    const client = new ServiceClient('echo', url, { timeoutMs: 2_000 });
    try {
      const response = await client.call('POST', '/internal/echo', {
        query: { name: 'Ann & Bob', limit: 5, after: undefined },
        body: { text: 'नमस्ते' },
        requestId: 'req-1',
      });
      expect(response).toEqual({
        status: 200,
        body: {
          query: { name: 'Ann & Bob', limit: '5' },
          body: { text: 'नमस्ते' },
          requestId: 'req-1',
        },
      });
    } finally {
      await client.close();
    }
  });

  it('reuses its keep-alive connections', async () => {
    const client = new ServiceClient('echo', url, { timeoutMs: 2_000, connections: 1 });
    const sockets = new Set<unknown>();
    const onRequest = (request: { socket: unknown }) => sockets.add(request.socket);
    service.server.on('request', onRequest);
    try {
      for (let i = 0; i < 5; i += 1) await client.call('POST', '/internal/echo', { body: { i } });
      expect(sockets.size).toBe(1);
    } finally {
      service.server.off('request', onRequest);
      await client.close();
    }
  });

  it.each([
    ['a 5xx answer', '/internal/fail', 2_000],
    ['no answer within the timeout', '/internal/slow', 200],
  ])('turns %s into 503 DEPENDENCY_UNAVAILABLE', async (_case, path, timeoutMs) => {
    const client = new ServiceClient('echo', url, { timeoutMs });
    try {
      const started = performance.now();
      const failure = await client.call('GET', path).catch((error: unknown) => error);
      expect(failure).toMatchObject({ statusCode: 503, code: 'DEPENDENCY_UNAVAILABLE' });
      expect(isDependencyUnavailable(failure)).toBe(true);
      expect(performance.now() - started).toBeLessThan(1_400);
    } finally {
      await client.close();
    }
  });

  it('turns a refused connection into 503, and invalid JSON into 502', async () => {
    const closed = await createApp({ logger: false });
    await closed.listen({ port: 0, host: '127.0.0.1' });
    const address = closed.server.address();
    await closed.close();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const down = new ServiceClient('down', new URL(`http://127.0.0.1:${address.port}`), {
      timeoutMs: 2_000,
    });
    const client = new ServiceClient('echo', url, { timeoutMs: 2_000 });
    try {
      await expect(down.call('GET', '/internal/ping')).rejects.toMatchObject({
        statusCode: 503,
        code: 'DEPENDENCY_UNAVAILABLE',
      });
      await expect(client.call('GET', '/internal/not-json')).rejects.toMatchObject({
        statusCode: 502,
        code: 'BAD_GATEWAY',
      });
    } finally {
      await down.close();
      await client.close();
    }
  });
});
