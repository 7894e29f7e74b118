import Type from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InstantSchema } from '../schemas/common.ts';
import { rawHttpRequest } from '../testing/net/raw-http.ts';
import { type App, createApp } from './create-app.ts';

describe('requests that never reach a route', () => {
  let app: App;
  let port: number;

  beforeAll(async () => {
    app = await createApp({ logger: false });
    app.post(
      '/events',
      {
        schema: {
          body: Type.Object(
            { at: InstantSchema, tags: Type.Optional(Type.Array(Type.Object({}))) },
            { additionalProperties: false },
          ),
          querystring: Type.Object({ from: Type.Optional(InstantSchema) }),
        },
      },
      (request) => ({ at: new Date(request.body.at).toISOString() }),
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (typeof address !== 'object' || address === null) throw new Error('not listening');
    port = address.port;
  });
  afterAll(() => app.close());

  it('answers headers over the limit with 431 in the error envelope', async () => {
    const { statusLine, headers, body } = await rawHttpRequest(
      port,
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(headers['content-type']).toBe('application/json; charset=utf-8');
    const envelope = JSON.parse(body) as { requestId: string };
    expect(envelope).toEqual({
      type: 'tag:screenmagic,2026:HEADERS_TOO_LARGE',
      title: 'Request Header Fields Too Large',
      status: 431,
      detail: expect.stringMatching(/headers are larger than/),
      error: {
        code: 'HEADERS_TOO_LARGE',
        message: expect.stringMatching(/headers are larger than/),
        details: [],
      },
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(headers['x-request-id']).toBe(envelope.requestId);
  });

  it('answers a malformed request line with 400 in the error envelope', async () => {
    const { statusLine, body } = await rawHttpRequest(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'BAD_REQUEST', details: [] } });
  });

  it('names a __proto__ key as a forbidden property instead of calling the body invalid JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/events',
      headers: { 'content-type': 'application/json' },
      payload: '{"at":"2026-12-07T10:00:00Z","tags":[{},{"__proto__":{"admin":true}}]}',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('tags[1].__proto__ is a forbidden property key'),
      details: [{ field: 'tags[1].__proto__', message: 'is a forbidden property key' }],
    });
  });

  it('names a constructor.prototype key, even spelled with \\u escapes', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/events',
      headers: { 'content-type': 'application/json' },
      payload: '{"\\u0063onstructor":{"prototype":{}},"at":"2026-12-07T10:00:00Z"}',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { field: 'constructor', message: 'is a forbidden property key' },
    ]);
  });

  it('walks bodies nested deeper than the call stack without a 5xx', async () => {
    const depth = 100_000;
    const nested = (inner: string) => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
    const plain = await app.inject({
      method: 'POST',
      url: '/events',
      headers: { 'content-type': 'application/json' },
      payload: nested('"constructor"'),
    });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.details).toEqual([{ field: '(root)', message: 'must be object' }]);
    const poisoned = await app.inject({
      method: 'POST',
      url: '/events',
      headers: { 'content-type': 'application/json' },
      payload: nested('{"__proto__":{}}'),
    });
    expect(poisoned.statusCode).toBe(400);
    const [detail] = poisoned.json().error.details as { field: string; message: string }[];
    expect(detail?.message).toBe('is a forbidden property key');
    expect(detail?.field).toBe(`…${'[0]'.repeat(31)}.__proto__`);
  }, 30_000);

  it('still calls malformed JSON malformed, and takes "constructor" as an ordinary string', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/events',
      headers: { 'content-type': 'application/json' },
      payload: '{"at": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('Request body is not valid JSON');
    const fine = await app.inject({
      method: 'POST',
      url: '/events',
      payload: { at: '2026-12-07T10:00:00+05:30', tags: [] },
    });
    expect(fine.statusCode).toBe(200);
    expect(fine.json()).toEqual({ at: '2026-12-07T04:30:00.000Z' });
  });

  it('refuses an instant outside the range with a 400 naming the field and the range', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/events',
      payload: { at: '9999-12-31T23:59:59Z' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      message:
        'Invalid request body: at "9999-12-31T23:59:59Z" is out of range: must be from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z',
      details: [
        {
          field: 'at',
          message:
            '"9999-12-31T23:59:59Z" is out of range: must be from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z',
        },
      ],
    });
  });

  it('bounds instants in the query string the same way, and refuses leap seconds', async () => {
    const query = await app.inject({
      method: 'POST',
      url: '/events?from=1999-12-31T23:59:59Z',
      payload: { at: '2026-12-07T10:00:00Z' },
    });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.details).toEqual([
      { field: 'from', in: 'querystring', message: expect.stringMatching(/is out of range/) },
    ]);
    const leap = await app.inject({
      method: 'POST',
      url: '/events',
      payload: { at: '2026-12-31T23:59:60Z' },
    });
    expect(leap.statusCode).toBe(400);
    expect(leap.json().error.details[0].message).toMatch(/leap second/);
  });
});
