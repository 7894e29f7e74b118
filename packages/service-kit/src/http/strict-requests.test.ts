import Type from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponses } from '../schemas/common.ts';
import { type App, createApp } from './create-app.ts';

/** What a request may carry besides a valid body: its media type, its query string, its size. */
describe('createApp: strict requests', () => {
  let app: App;

  beforeAll(async () => {
    app = await createApp({ logger: false, openapi: { title: 'test' } });
    app.post(
      '/things',
      {
        schema: {
          body: Type.Object(
            {
              count: Type.Integer(),
              price: Type.String({
                pattern: '^\\d+\\.\\d{2}$',
                description: 'A decimal string with two decimals, e.g. "499.00".',
              }),
            },
            { additionalProperties: false },
          ),
        },
      },
      () => ({}),
    );
    app.delete('/things/:id', (_request, reply) => reply.code(204).send());
    app.get('/deadlocked', () => {
      throw Object.assign(new Error('Deadlock found when trying to get lock'), {
        code: 'ER_LOCK_DEADLOCK',
      });
    });
    app.get('/conflict-declared', { schema: { response: errorResponses(409) } }, () => undefined);
    await app.ready();
  });
  afterAll(() => app.close());

  const valid = { count: 2, price: '499.00' };

  it('answers a non-JSON content type with a 415 naming the type it takes', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Content-Type must be application/json (got text/plain)',
      details: [{ field: 'content-type', in: 'headers', message: 'must be application/json' }],
    });
  });

  it('answers 415 to a body of another type on a route without a body schema', async () => {
    const response = await app.inject({
      method: 'DELETE',
      url: '/things/1',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('takes a body without Content-Type only when it is empty', async () => {
    const empty = await app.inject({ method: 'DELETE', url: '/things/1' });
    expect(empty.statusCode).toBe(204);
    const untyped = await app.inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-length': '2' },
      payload: '{}',
    });
    expect(untyped.statusCode).toBe(415);
  });

  it('ignores an empty JSON body on a route that takes none, and still requires one where a route does', async () => {
    // Many clients send `Content-Type: application/json` on every request, DELETE included.
    const stray = await app.inject({
      method: 'DELETE',
      url: '/things/1',
      headers: { 'content-type': 'application/json' },
    });
    expect(stray.statusCode).toBe(204);
    const missing = await app.inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('Request body is empty; a JSON object is required');
  });

  it('answers a deadlock victim with 503 and Retry-After, not a 500', async () => {
    const response = await app.inject({ method: 'GET', url: '/deadlocked' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.json().error.code).toBe('DATABASE_BUSY');
  });

  it('quotes at most 100 characters of a bad value or an unknown key, however long', async () => {
    const value = await app.inject({
      method: 'POST',
      url: '/things',
      payload: { ...valid, price: '9'.repeat(1_000_000) },
    });
    expect(value.statusCode).toBe(400);
    expect(value.body.length).toBeLessThan(2_000);
    const quoted = `"${'9'.repeat(100)}…"`;
    expect(value.json().error.message).toBe(
      `Invalid request body: price ${quoted} is not valid; expected: A decimal string with two decimals, e.g. "499.00"`,
    );
    expect(value.json().error.details[0].message).toContain(quoted);

    const key = await app.inject({
      method: 'POST',
      url: '/things',
      payload: { ...valid, ['k'.repeat(1_000_000)]: 1 },
    });
    expect(key.statusCode).toBe(400);
    expect(key.body.length).toBeLessThan(2_000);
    expect(key.json().error.details[0].field).toBe(`${'k'.repeat(100)}…`);
  });

  it('refuses unknown query parameters on a route that declares none, and documents the 400', async () => {
    const response = await app.inject({ method: 'GET', url: '/conflict-declared?x=1' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Invalid querystring: x is not an allowed property',
      details: [{ field: 'x', in: 'querystring' }],
    });
    // Hidden routes (health, metrics) take any query string.
    expect((await app.inject({ method: 'GET', url: '/healthz?probe=1' })).statusCode).toBe(200);
    const document = app.swagger() as unknown as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(document.paths['/conflict-declared']?.['get']?.responses).toHaveProperty('400');
  });
});
