import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../http/create-app.ts';

const TOKEN = 'internal-token-for-tests-0123456789';

async function appWith(token: string | undefined, logger: Logger | false = false) {
  const app = await createApp({ logger, internalToken: token });
  app.get('/internal/things', () => ({ things: [] }));
  app.post('/internal/test/clock', () => ({ set: true }));
  app.register(
    (scope, _options, done) => {
      scope.get('/nested', () => ({ nested: true }));
      done();
    },
    { prefix: '/internal/scoped' },
  );
  // /metrics is the app's own (createApp serves it).
  app.get('/v1/public', () => ({ public: true }));
  await app.ready();
  return app;
}

describe('the service token on /internal/* (INTERNAL_TOKEN set)', () => {
  let app: App;
  beforeAll(async () => {
    app = await appWith(TOKEN);
  });
  afterAll(() => app.close());

  it('answers 401 in the error envelope without the token', async () => {
    const response = await app.inject({ method: 'GET', url: '/internal/things' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({
      error: {
        code: 'UNAUTHORIZED',
        message: expect.stringContaining('INTERNAL_TOKEN'),
        details: [],
      },
      requestId: expect.any(String),
      status: 401,
    });
    expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
  });

  it('answers 401 for a wrong token, a prefix of it, or another scheme', async () => {
    for (const authorization of [
      'Bearer wrong-token-0123456789',
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Bearer ${TOKEN}x`,
      `Basic ${TOKEN}`,
      TOKEN,
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: '/internal/test/clock',
        headers: { authorization },
      });
      expect(response.statusCode, authorization).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('lets the request through with the token', async () => {
    const headers = { authorization: `Bearer ${TOKEN}` };
    expect((await app.inject({ method: 'GET', url: '/internal/things', headers })).json()).toEqual({
      things: [],
    });
    const nested = await app.inject({ method: 'GET', url: '/internal/scoped/nested', headers });
    expect(nested.statusCode).toBe(200);
    const lower = { authorization: `bearer ${TOKEN}` };
    expect(
      (await app.inject({ method: 'POST', url: '/internal/test/clock', headers: lower }))
        .statusCode,
    ).toBe(200);
  });

  it('guards routes declared in a prefixed plugin, HEAD, and percent-encoded spellings of the path', async () => {
    for (const [method, url] of [
      ['GET', '/internal/scoped/nested'],
      ['HEAD', '/internal/things'],
      ['GET', '/%69nternal/things'],
      ['GET', '/internal/things/'],
    ] as const) {
      const response = await app.inject({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('leaves /healthz, /readyz, /metrics and the public API open', async () => {
    for (const url of ['/healthz', '/readyz', '/metrics', '/v1/public']) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
  });
});

describe('/internal/* without INTERNAL_TOKEN', () => {
  it('stays open and warns once at start', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const app = await appWith(undefined, pino({ level: 'warn' }, sink));
    try {
      expect((await app.inject({ method: 'GET', url: '/internal/things' })).statusCode).toBe(200);
      const warnings = lines.filter((line) => line.includes('INTERNAL_TOKEN is not set'));
      expect(warnings).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('does not warn an app that has no internal routes (the gateway)', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const app = await createApp({ logger: pino({ level: 'warn' }, sink) });
    app.get('/v1/public', () => ({}));
    await app.ready();
    await app.close();
    expect(lines.filter((line) => line.includes('INTERNAL_TOKEN'))).toEqual([]);
  });
});
