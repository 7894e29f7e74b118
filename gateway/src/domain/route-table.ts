import type { ServiceName } from '@screenmagic/service-kit/core';

/**
 * Which service owns which public path. Each entry is a Fastify route pattern; `/*` covers
 * everything below. Anything not listed (notably `/internal/*`) is never proxied.
 */
export const ROUTE_TABLE: Readonly<Record<ServiceName, readonly string[]>> = Object.freeze({
  customer: [
    '/addcustomer',
    '/v1/customers',
    '/v1/customers/*',
    '/v1/business-calendar',
    '/v1/business-calendar/*',
  ],
  outgoing: ['/outgoings', '/v1/broadcasts', '/v1/broadcasts/*', '/v1/messages', '/v1/messages/*'],
  incoming: ['/incomings', '/v1/orders', '/v1/orders/*', '/v1/inbound-messages'],
});

/** The service that owns `path` (no query string), or undefined when the gateway does not route it. */
export function ownerOf(path: string): ServiceName | undefined {
  for (const [service, patterns] of Object.entries(ROUTE_TABLE) as Array<
    [ServiceName, readonly string[]]
  >) {
    for (const pattern of patterns) {
      if (pattern.endsWith('/*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern) {
        return service;
      }
    }
  }
  return undefined;
}
