import { describe, expect, it } from 'vitest';
import { clientResponseHeaders, upstreamRequestHeaders } from './headers.ts';

describe('upstreamRequestHeaders', () => {
  const base = { host: '127.0.0.1:3001', requestId: 'req-1', bodyLength: 12 };

  it('keeps end-to-end headers and sets Host, the request id and the body length', () => {
    expect(
      upstreamRequestHeaders(
        {
          host: 'api.example.com',
          'content-type': 'application/json',
          'content-length': '999',
          'idempotency-key': 'k-1',
          'x-request-id': 'bad id',
          accept: 'application/json',
        },
        base,
      ),
    ).toEqual({
      host: '127.0.0.1:3001',
      'content-type': 'application/json',
      'content-length': 12,
      'idempotency-key': 'k-1',
      'x-request-id': 'req-1',
      accept: 'application/json',
    });
  });

  it('drops the API key, hop-by-hop headers and the headers Connection names', () => {
    const headers = upstreamRequestHeaders(
      {
        authorization: 'Bearer secret',
        connection: 'keep-alive, x-hop',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        te: 'trailers',
        upgrade: 'websocket',
        'proxy-authorization': 'Basic x',
        expect: '100-continue',
        'x-hop': 'one hop only',
        'x-kept': 'yes',
      },
      { ...base, bodyLength: undefined },
    );
    expect(headers).toEqual({ host: '127.0.0.1:3001', 'x-request-id': 'req-1', 'x-kept': 'yes' });
  });
});

describe('clientResponseHeaders', () => {
  it('relays the service’s headers without hop-by-hop ones, then adds the gateway’s', () => {
    expect(
      clientResponseHeaders(
        {
          'content-type': 'application/json; charset=utf-8',
          'content-length': '42',
          location: '/v1/customers/cus_1',
          connection: 'keep-alive',
          'keep-alive': 'timeout=72',
          'transfer-encoding': 'chunked',
          'x-request-id': 'req-1',
        },
        { 'x-request-id': 'req-1', 'x-ratelimit-remaining': 5 },
      ),
    ).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'content-length': '42',
      location: '/v1/customers/cus_1',
      'x-request-id': 'req-1',
      'x-ratelimit-remaining': 5,
    });
  });
});
