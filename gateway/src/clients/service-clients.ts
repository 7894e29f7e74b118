import {
  AppError,
  SERVICE_NAMES,
  ServiceClient,
  type ServiceName,
} from '@screenmagic/service-kit/core';
import { UPSTREAM_RETRY_AFTER_SECONDS } from '../domain/upstream-failure.ts';

/** Clients for the gateway's own calls to the services (readiness, OpenAPI, test clock). */
export type ServiceClients = Readonly<Record<ServiceName, ServiceClient>>;

export function createServiceClients(
  urls: Readonly<Record<ServiceName, URL>>,
  options: { timeoutMs: number; token: string | undefined },
): ServiceClients {
  const client = (name: ServiceName): ServiceClient =>
    new ServiceClient(name, urls[name], { ...options, connections: 4 });
  return Object.freeze(
    Object.fromEntries(SERVICE_NAMES.map((name) => [name, client(name)])) as Record<
      ServiceName,
      ServiceClient
    >,
  );
}

/** 503 UPSTREAM_UNAVAILABLE naming the services that could not do their part. */
export function upstreamUnavailable(
  message: string,
  services: readonly string[],
  cause?: unknown,
): AppError {
  return new AppError(503, 'UPSTREAM_UNAVAILABLE', message, {
    details: services.map((service) => ({ field: service, message: 'unavailable' })),
    retryAfterSeconds: UPSTREAM_RETRY_AFTER_SECONDS,
    cause,
  });
}

/**
 * Calls `path` on a service and returns its JSON body, or throws 503 UPSTREAM_UNAVAILABLE
 * when the service is down, slow, failing (5xx) or answers anything but 2xx.
 */
export async function callService<T>(
  clients: ServiceClients,
  service: ServiceName,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; requestId?: string; timeoutMs?: number } = {},
): Promise<T> {
  let response;
  try {
    response = await clients[service].call<T>(method, path, options);
  } catch (error) {
    throw upstreamUnavailable(
      `The ${service} service is unavailable; retry later`,
      [service],
      error,
    );
  }
  if (response.status < 200 || response.status >= 300) {
    throw upstreamUnavailable(
      `The ${service} service answered ${method} ${path} with ${response.status}`,
      [service],
    );
  }
  return response.body;
}
