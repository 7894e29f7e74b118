/**
 * The components of the stack: the one list of their names, default ports, the variable
 * that overrides each one's URL for the others, and where each lives in the repository.
 * The gateway, `pnpm start`, `pnpm migrate`, `pnpm openapi` and the services' configuration
 * all read it from here (docs/architecture.md, "Internal contracts").
 */
export const SERVICES = Object.freeze({
  customer: Object.freeze({
    port: 3001,
    urlVariable: 'CUSTOMER_SERVICE_URL',
    dir: 'services/customer',
  }),
  outgoing: Object.freeze({
    port: 3002,
    urlVariable: 'OUTGOING_SERVICE_URL',
    dir: 'services/outgoing',
  }),
  incoming: Object.freeze({
    port: 3003,
    urlVariable: 'INCOMING_SERVICE_URL',
    dir: 'services/incoming',
  }),
});

export type ServiceName = keyof typeof SERVICES;

/** Every service, in the order the stack starts them. */
export const SERVICE_NAMES: readonly ServiceName[] = Object.freeze(
  Object.keys(SERVICES) as ServiceName[],
);

/** The public entry: the only component that listens beyond loopback. */
export const GATEWAY = Object.freeze({ port: 8080, dir: 'gateway' });

/** Default ports of every component (the services' and the gateway's). */
export const DEFAULT_PORTS: Readonly<Record<ServiceName | 'gateway', number>> = Object.freeze({
  customer: SERVICES.customer.port,
  outgoing: SERVICES.outgoing.port,
  incoming: SERVICES.incoming.port,
  gateway: GATEWAY.port,
});
