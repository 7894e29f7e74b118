import { envUrl, type Env } from './env.ts';

export const DEFAULT_PORTS = Object.freeze({
  customer: 3001,
  outgoing: 3002,
  incoming: 3003,
  gateway: 8080,
});

export type ServiceName = 'customer' | 'outgoing' | 'incoming';

/** CUSTOMER_SERVICE_URL, OUTGOING_SERVICE_URL, INCOMING_SERVICE_URL with local defaults. */
export function readServiceUrls(env: Env): Readonly<Record<ServiceName, URL>> {
  return Object.freeze({
    customer: envUrl(env, 'CUSTOMER_SERVICE_URL', `http://127.0.0.1:${DEFAULT_PORTS.customer}`),
    outgoing: envUrl(env, 'OUTGOING_SERVICE_URL', `http://127.0.0.1:${DEFAULT_PORTS.outgoing}`),
    incoming: envUrl(env, 'INCOMING_SERVICE_URL', `http://127.0.0.1:${DEFAULT_PORTS.incoming}`),
  });
}
