import type { ServiceName } from '@screenmagic/service-kit/core';
import { Pool } from 'undici';

/** One keep-alive connection pool per service, shared by the proxy routes that reach it. */
export type UpstreamPools = Readonly<Record<ServiceName, Pool>>;

export function createUpstreamPools(
  urls: Readonly<Record<ServiceName, URL>>,
  options: { connections: number; timeoutMs: number },
): UpstreamPools {
  const pool = (url: URL): Pool =>
    new Pool(url.origin, {
      connections: options.connections,
      pipelining: 1,
      // A service that is down should fail fast, not after the whole request timeout.
      connectTimeout: Math.min(options.timeoutMs, 3_000),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      keepAliveTimeout: 30_000,
    });
  return Object.freeze({
    customer: pool(urls.customer),
    outgoing: pool(urls.outgoing),
    incoming: pool(urls.incoming),
  });
}
