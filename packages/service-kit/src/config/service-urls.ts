import { SERVICE_NAMES, SERVICES, type ServiceName } from '../contracts/services.ts';
import { envUrl, type Env } from './env.ts';

/** Each service's URL (CUSTOMER_SERVICE_URL, …), by default on loopback at its port. */
export function readServiceUrls(env: Env): Readonly<Record<ServiceName, URL>> {
  return Object.freeze(
    Object.fromEntries(
      SERVICE_NAMES.map((name) => [
        name,
        envUrl(env, SERVICES[name].urlVariable, `http://127.0.0.1:${SERVICES[name].port}`),
      ]),
    ) as Record<ServiceName, URL>,
  );
}
