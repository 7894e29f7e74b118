import { rawHttpRequest } from '../packages/service-kit/src/testing/net/index.ts';
import { describe, expect, it } from 'vitest';
import { client, type ErrorEnvelope, raw, stack } from './support/client.ts';

const RANGE = 'must be from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z';

describe('bad input through the gateway stays in the error envelope', () => {
  it('answers a sendAt past the accepted range with a 400 naming it, not a 500', async () => {
    for (const sendAt of ['9999-12-31T23:59:59Z', '3000-01-01T10:00:00Z']) {
      const { error, response } = await client().POST('/v1/broadcasts', {
        body: { message: 'Far future', sendAt, onClosedDay: 'queue' },
      });
      expect(response.status).toBe(400);
      expect(error?.error.details).toEqual([
        { field: 'sendAt', message: `${JSON.stringify(sendAt)} is out of range: ${RANGE}` },
      ]);
    }
  });

  it('answers headers over 16 KiB with 431 HEADERS_TOO_LARGE in the envelope', async () => {
    const port = Number(new URL(stack().gatewayUrl).port);
    const answer = await rawHttpRequest(
      port,
      `GET /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${stack().apiKey}\r\n` +
        `X-Padding: ${'p'.repeat(20 * 1024)}\r\n\r\n`,
    );
    expect(answer.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    const body = JSON.parse(answer.body) as ErrorEnvelope;
    expect(body.error.code).toBe('HEADERS_TOO_LARGE');
    expect(body.requestId).toBe(answer.headers['x-request-id']);
  });

  it('names a __proto__ key in a body relayed to a service as a forbidden property', async () => {
    // Raw text: a JSON object literal cannot hold an own __proto__ key.
    const response = await raw.post<ErrorEnvelope>(
      '/v1/customers',
      '{"name":"Proto","workingHours":{"start":"09:00","end":"17:00","__proto__":{"x":1}}}',
    );
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([
      { field: 'workingHours.__proto__', message: 'is a forbidden property key' },
    ]);
  });
});
