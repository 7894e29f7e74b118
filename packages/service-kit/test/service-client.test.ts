import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceClient } from '../src/clients/service-client.ts';
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
