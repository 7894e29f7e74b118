import { describe, expect, it } from 'vitest';
import {
  classifyUpstreamFailure,
  UPSTREAM_BAD_RESPONSE,
  UPSTREAM_TIMEOUT,
} from './upstream-failure.ts';

function error(code: string): Error {
  return Object.assign(new Error(code), { code });
}

describe('classifyUpstreamFailure', () => {
  it('answers 504 with Retry-After when the service stayed silent too long', () => {
    const failure = classifyUpstreamFailure('customer', error(UPSTREAM_TIMEOUT), 30_000);
    expect(failure).toMatchObject({
      status: 504,
      code: 'UPSTREAM_UNAVAILABLE',
      retryAfterSeconds: 5,
    });
    expect(failure.message).toContain('30000 ms');
  });

  it('answers 503 with Retry-After when the connection was refused, reset or failed', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH']) {
      const failure = classifyUpstreamFailure('outgoing', error(code), 1_000);
      expect(failure).toMatchObject({
        status: 503,
        code: 'UPSTREAM_UNAVAILABLE',
        retryAfterSeconds: 5,
      });
      expect(failure.message).toContain('outgoing');
    }
  });

  it('answers 502 for a response the gateway cannot relay', () => {
    expect(classifyUpstreamFailure('incoming', error(UPSTREAM_BAD_RESPONSE), 1_000)).toMatchObject({
      status: 502,
      code: 'BAD_GATEWAY',
    });
  });

  it('treats a value that is not an error as unavailable', () => {
    expect(classifyUpstreamFailure('customer', 'boom', 1_000).status).toBe(503);
    expect(classifyUpstreamFailure('customer', null, 1_000).status).toBe(503);
  });
});
