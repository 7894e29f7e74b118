import createFetchClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema.ts';

export type { components, operations, paths } from './schema.ts';
export { messageStatusValues } from './schema.ts';

/** The named schemas of the API (`components.schemas` in openapi.json). */
export type Schemas = components['schemas'];
export type Customer = Schemas['Customer'];
export type NewCustomer = Schemas['NewCustomer'];
export type CustomerPatch = Schemas['CustomerPatch'];
export type CustomerWindows = Schemas['CustomerWindows'];
export type DeliveryWindow = Schemas['DeliveryWindow'];
export type Schedule = Schemas['Schedule'];
export type ScheduleInput = Schemas['ScheduleInput'];
export type BusinessCalendar = Schemas['BusinessCalendar'];
export type NewBroadcast = Schemas['NewBroadcast'];
export type BroadcastAccepted = Schemas['BroadcastAccepted'];
export type Broadcast = Schemas['Broadcast'];
export type Recipient = Schemas['Recipient'];
export type Message = Schemas['Message'];
export type NewOrder = Schemas['NewOrder'];
export type Order = Schemas['Order'];
/** Every error answer: `error.code`, `error.message`, `error.details`, RFC 9457 members. */
export type ApiError = Schemas['Error'];

export interface ScreenmagicClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** The gateway, e.g. `http://localhost:8080`. */
  readonly baseUrl: string | URL;
  /** Sent as `Authorization: Bearer <apiKey>`. */
  readonly apiKey?: string;
}

/** The client: `GET`, `POST`, `PATCH`, `DELETE`, … typed by path (openapi-fetch). */
export type ScreenmagicClient = Client<paths>;

/**
 * A typed client for the screenmagic API (openapi-fetch over the generated types).
 *
 * @example
 * const api = createClient({ baseUrl: 'http://localhost:8080', apiKey: 'my-key' });
 * const { data, error, response } = await api.POST('/v1/customers', {
 *   body: { name: 'Asha Rao', workingHours: { start: '09:00', end: '18:00' } },
 * });
 * // data: Customer when response.status is 201; error: ApiError otherwise
 */
export function createClient(options: ScreenmagicClientOptions): ScreenmagicClient {
  const { baseUrl, apiKey, headers, ...rest } = options;
  // The caller's headers win over the defaults.
  const merged = new Headers(headers as HeadersInit | undefined);
  if (!merged.has('accept')) merged.set('accept', 'application/json');
  if (apiKey !== undefined && !merged.has('authorization')) {
    merged.set('authorization', `Bearer ${apiKey}`);
  }
  return createFetchClient<paths>({
    ...rest,
    baseUrl: String(baseUrl).replace(/\/+$/, ''),
    headers: merged,
  });
}
