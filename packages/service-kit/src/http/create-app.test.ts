import Type from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflict } from '../errors.ts';
import { errorResponses } from '../schemas/common.ts';
import { type App, createApp } from './create-app.ts';

describe('createApp', () => {
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
              hours: Type.Union([
                Type.Object(
                  { weekly: Type.Object({ mon: Type.String() }) },
                  { additionalProperties: false },
                ),
                Type.Object(
                  { start: Type.String({ pattern: '^\\d\\d:\\d\\d$' }) },
                  { additionalProperties: false },
                ),
              ]),
            },
            { additionalProperties: false },
          ),
          querystring: Type.Object({ limit: Type.Optional(Type.Integer()) }),
        },
      },
      (request) => ({ got: request.body, limit: request.query.limit ?? null }),
    );
    app.get('/conflict', () => {
      throw conflict('THING_EXISTS', 'already there', { extra: { existingId: 'x1' } });
    });
    app.get('/conflict-declared', { schema: { response: errorResponses(409) } }, () => {
      throw conflict('THING_EXISTS', 'already there', {
        extra: { existingId: 'x1' },
        details: [{ field: 'name', message: 'is taken', value: 'x' }],
      });
    });
    app.get('/boom', () => {
      throw new Error('secret internals');
    });
    await app.ready();
  });
  afterAll(() => app.close());

  const valid = { count: 2, price: '499.00', hours: { start: '10:00' } };

  it('accepts a valid body and coerces query-string numbers', async () => {
    const response = await app.inject({ method: 'POST', url: '/things?limit=5', payload: valid });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ got: valid, limit: 5 });
  });

  it('does not coerce body types: "10" is not 10', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/things',
      payload: { ...valid, count: '10' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'count', message: 'must be integer' }],
    });
  });

  it('says what a field expects, from its schema description, rather than quoting a pattern', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/things',
      payload: { ...valid, price: '499.5' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      {
        field: 'price',
        message:
          '"499.5" is not valid; expected: A decimal string with two decimals, e.g. "499.00"',
      },
    ]);
  });

  it('does not coerce a number into a decimal string: 499.5 is not "499.50"', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/things',
      payload: { ...valid, price: 499.5 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('price');
  });

  it('rejects unknown properties instead of dropping them, naming the property', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/things',
      payload: { ...valid, colour: 'red' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { field: 'colour', message: 'is not an allowed property' },
    ]);
  });

  it('reports the union branch the client meant, at the deepest field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/things',
      payload: { ...valid, hours: { start: '9:00' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { field: 'hours.start', message: 'must match pattern "^\\d\\d:\\d\\d$"' },
    ]);
  });

  it('reads an unknown key in an object as the branch that knows the other keys', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/things',
      payload: { ...valid, hours: { start: '10:00', foo: 1 } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe(
      'Invalid request body: hours.foo is not an allowed property',
    );
    // Nothing known either way: the first branch (the full form) is what is reported.
    const unknown = await app.inject({
      method: 'POST',
      url: '/things',
      payload: { ...valid, hours: { foo: 1 } },
    });
    expect(unknown.json().error.details).toEqual([
      { field: 'hours.weekly', message: 'is required' },
    ]);
  });

  it('answers malformed JSON with a 400 in the envelope', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json' },
      payload: '{"count": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ field: 'body' }] },
      requestId: expect.any(String),
    });
  });

  it('refuses bodies over 1 MiB with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ ...valid, pad: 'x'.repeat(1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('echoes a sane x-request-id and generates one otherwise', async () => {
    const given = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const generated = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id\n' },
    });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('renders AppErrors with their code and extra members', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/conflict',
      headers: { 'x-request-id': 'r1' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.json()).toEqual({
      type: 'tag:screenmagic,2026:THING_EXISTS',
      title: 'Conflict',
      status: 409,
      detail: 'already there',
      error: { code: 'THING_EXISTS', message: 'already there', details: [], existingId: 'x1' },
      requestId: 'r1',
    });
  });

  it('serves errors as application/problem+json to clients whose Accept asks for it', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/conflict-declared',
      headers: { accept: 'application/problem+json, application/json;q=0.5' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    // The declared response schema serializes the RFC 9457 members too.
    expect(response.json()).toMatchObject({
      type: 'tag:screenmagic,2026:THING_EXISTS',
      title: 'Conflict',
      status: 409,
      detail: 'already there',
      error: { code: 'THING_EXISTS' },
    });
    const refused = await app.inject({
      method: 'GET',
      url: '/missing',
      headers: { accept: 'application/problem+json;q=0, application/json' },
    });
    expect(refused.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(refused.json()).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('keeps extra error members when the route declares its error responses', async () => {
    const response = await app.inject({ method: 'GET', url: '/conflict-declared' });
    expect(response.json<{ error: unknown }>().error).toEqual({
      code: 'THING_EXISTS',
      message: 'already there',
      details: [{ field: 'name', message: 'is taken', value: 'x' }],
      existingId: 'x1',
    });
  });

  it('hides the text of unexpected errors behind a 500', async () => {
    const response = await app.inject({ method: 'GET', url: '/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret');
    expect(response.json().error.code).toBe('INTERNAL_ERROR');
  });

  it('answers unknown routes with a 404 in the envelope', async () => {
    const response = await app.inject({ method: 'GET', url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('reports readiness from the registered checks', async () => {
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    app.readinessChecks.set('flaky', () => Promise.reject(new Error('down')));
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'unavailable', checks: { flaky: 'down' } });
    app.readinessChecks.delete('flaky');
  });

  it('answers its instance id on /healthz only when it was given one', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).headers).not.toHaveProperty(
      'x-stack-instance',
    );
    const started = await createApp({ logger: false, instanceId: 'run-1.customer' });
    try {
      const response = await started.inject({ method: 'GET', url: '/healthz' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-stack-instance']).toBe('run-1.customer');
    } finally {
      await started.close();
    }
  });

  it('publishes OpenAPI generated from the route schemas', async () => {
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.json().paths['/things'].post.requestBody).toBeDefined();
  });
});
