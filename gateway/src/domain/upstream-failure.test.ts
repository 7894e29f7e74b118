import { describe, expect, it } from 'vitest';
import { classifyUpstreamFailure } from './upstream-failure.ts';

function error(code: string, cause?: unknown): Error {
  return Object.assign(new Error(code), { code, cause });
}

describe('classifyUpstreamFailure', () => {
  it('answers 504 when the service did not answer in time', () => {
    const failure = classifyUpstreamFailure(
      'customer',
      error('FST_REPLY_FROM_GATEWAY_TIMEOUT', error('UND_ERR_HEADERS_TIMEOUT')),
      30_000,
    );
    expect(failure).toMatchObject({
      status: 504,
      code: 'UPSTREAM_UNAVAILABLE',
      retryAfterSeconds: 5,
    });
    expect(failure.message).toContain('30000 ms');
  });

  it('answers 503 when the connection was refused or reset', () => {
    for (const code of [
      'ECONNREFUSED',
      'ECONNRESET',
      'UND_ERR_SOCKET',
      'UND_ERR_CONNECT_TIMEOUT',
    ]) {
      const failure = classifyUpstreamFailure(
        'outgoing',
        error('FST_REPLY_FROM_INTERNAL_SERVER_ERROR', error(code)),
        1_000,
      );
      expect(failure).toMatchObject({ status: 503, code: 'UPSTREAM_UNAVAILABLE' });
      expect(failure.message).toContain('outgoing');
    }
  });

  it('answers 502 for a response the gateway cannot relay', () => {
    expect(
      classifyUpstreamFailure('incoming', error('FST_REPLY_FROM_BAD_GATEWAY'), 1_000),
    ).toMatchObject({
      status: 502,
      code: 'BAD_GATEWAY',
    });
  });

  it('treats a value that is not an error as unavailable', () => {
    expect(classifyUpstreamFailure('customer', 'boom', 1_000).status).toBe(503);
  });
});
