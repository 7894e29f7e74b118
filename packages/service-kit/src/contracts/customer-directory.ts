import type { ServiceClient } from '../clients/service-client.ts';
import { contractBroken } from '../errors.ts';
import {
  type CustomerChanges,
  CUSTOMER_PATHS,
  type CustomerRecord,
  type InternalCalendar,
  type InternalCalendarQuery,
  LOOKUP_MAX_ITEMS,
  type LookupResult,
  WALK_DEFAULT_LIMIT,
  type WalkPage,
} from './customer-api.ts';
import { REPLICA_PATHS, type ReplicaChanges, type ReplicaSnapshot } from './customer-replica.ts';

/** A customer asked for by id or by name. */
export type CustomerKey = { readonly id: string } | { readonly name: string };

/**
 * The one client of the customer service's internal API, used by every caller. Errors, the
 * same for every method: the service unreachable, slow, failing (5xx) or refusing our
 * token → `DependencyUnavailableError` (503 DEPENDENCY_UNAVAILABLE: fail closed, retry
 * later); any other answer outside the contract → 502 BAD_GATEWAY.
 */
export class CustomerDirectory {
  readonly #client: ServiceClient;

  constructor(client: ServiceClient) {
    this.#client = client;
  }

  /** One customer by id or name; `undefined` when there is none. */
  async find(key: CustomerKey, requestId?: string): Promise<CustomerRecord | undefined> {
    const { items } = await this.lookup(
      'id' in key ? { ids: [key.id] } : { names: [key.name] },
      requestId,
    );
    return items[0];
  }

  /** One lookup call: at most {@link LOOKUP_MAX_ITEMS} ids and as many names. */
  async lookup(
    query: {
      readonly ids?: readonly string[];
      readonly names?: readonly string[];
      readonly phones?: readonly string[];
    },
    requestId?: string,
  ): Promise<LookupResult> {
    const response = await this.#client.call<LookupResult>('POST', CUSTOMER_PATHS.lookup, {
      body: {
        ...(query.ids && query.ids.length > 0 ? { ids: query.ids } : {}),
        ...(query.names && query.names.length > 0 ? { names: query.names } : {}),
        ...(query.phones && query.phones.length > 0 ? { phones: query.phones } : {}),
      },
      ...(requestId ? { requestId } : {}),
    });
    if (response.status !== 200 || !Array.isArray(response.body?.items)) {
      throw contractBroken('customer', 'a lookup', response.status);
    }
    return {
      items: response.body.items,
      missingIds: response.body.missingIds ?? [],
      missingNames: response.body.missingNames ?? [],
      missingPhones: response.body.missingPhones ?? [],
    };
  }

  /**
   * The customers whose phone matches `from` once both are reduced to `+` and digits (more
   * than one when a household shares a phone), in id order.
   */
  async findByPhone(from: string, requestId?: string): Promise<readonly CustomerRecord[]> {
    const { items } = await this.lookup({ phones: [from] }, requestId);
    return [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** Sets a customer's marketing consent (an inbound STOP or START); false when there is none. */
  async setMarketingConsent(id: string, marketing: boolean, requestId?: string): Promise<boolean> {
    const response = await this.#client.call('POST', CUSTOMER_PATHS.consent(id), {
      body: { marketing },
      ...(requestId ? { requestId } : {}),
    });
    if (response.status === 200) return true;
    if (response.status === 404) return false;
    throw contractBroken('customer', 'a consent change', response.status);
  }

  /**
   * The customer service's explanation of a customer's window at `at` (SPEC section 5);
   * `undefined` when the customer no longer exists.
   */
  async explain(customerId: string, at: Date, requestId?: string): Promise<unknown> {
    const response = await this.#client.call<unknown>('GET', CUSTOMER_PATHS.explain(customerId), {
      query: { at: at.toISOString() },
      ...(requestId ? { requestId } : {}),
    });
    if (response.status === 404) return undefined;
    if (response.status !== 200 || typeof response.body !== 'object' || response.body === null) {
      throw contractBroken('customer', 'an explanation', response.status);
    }
    return response.body;
  }

  /** Customers by id, any number (chunked); a Map by id of those that exist. */
  async byIds(ids: readonly string[], requestId?: string): Promise<Map<string, CustomerRecord>> {
    const found = new Map<string, CustomerRecord>();
    for (let i = 0; i < ids.length; i += LOOKUP_MAX_ITEMS) {
      const { items } = await this.lookup({ ids: ids.slice(i, i + LOOKUP_MAX_ITEMS) }, requestId);
      for (const item of items) found.set(item.id, item);
    }
    return found;
  }

  /** One page of the keyset walk over every customer, ordered by id. */
  async page(after: string | null, limit: number, requestId?: string): Promise<WalkPage> {
    const response = await this.#client.call<WalkPage>('GET', CUSTOMER_PATHS.walk, {
      query: { ...(after === null ? {} : { after }), limit: String(limit) },
      ...(requestId ? { requestId } : {}),
    });
    if (response.status !== 200 || !Array.isArray(response.body?.items)) {
      throw contractBroken('customer', 'a page of the customer walk', response.status);
    }
    return { items: response.body.items, nextAfter: response.body.nextAfter ?? null };
  }

  /**
   * The business calendar in force, its version and the last customer change's number; with
   * `watch`, held by the customer service until they differ from `watch.known` or
   * `watch.waitMs` passes (the call's bound is that plus the client's own).
   */
  async businessCalendar(watch?: {
    readonly known: Omit<InternalCalendarQuery, 'waitMs'>;
    readonly waitMs: number;
    readonly signal?: AbortSignal;
  }): Promise<InternalCalendar> {
    const response = await this.#client.call<InternalCalendar>(
      'GET',
      CUSTOMER_PATHS.businessCalendar,
      watch === undefined
        ? {}
        : {
            query: { ...watch.known, waitMs: watch.waitMs },
            timeoutMs: this.#client.timeoutMs + watch.waitMs,
            ...(watch.signal ? { signal: watch.signal } : {}),
          },
    );
    if (response.status !== 200 || typeof response.body?.version !== 'number') {
      throw contractBroken('customer', 'the business calendar', response.status);
    }
    return response.body;
  }

  /** One page of the customer change feed: the customers whose time rules changed after `after`. */
  async customerChanges(after: string, limit: number): Promise<CustomerChanges> {
    const response = await this.#client.call<CustomerChanges>(
      'GET',
      CUSTOMER_PATHS.customerChanges,
      {
        query: { after, limit },
      },
    );
    if (response.status !== 200 || !Array.isArray(response.body?.items)) {
      throw contractBroken('customer', 'customer changes', response.status);
    }
    return response.body;
  }

  /** One page of the replica feed: the customers changed after `after`, as they are now. */
  async replicaChanges(after: string, limit: number): Promise<ReplicaChanges> {
    const response = await this.#client.call<ReplicaChanges>('GET', REPLICA_PATHS.changes, {
      query: { after, limit },
    });
    if (response.status !== 200 || !Array.isArray(response.body?.items)) {
      throw contractBroken('customer', 'a page of the replica feed', response.status);
    }
    return response.body;
  }

  /** One page of the replica snapshot: every customer by id, with the change head. */
  async replicaSnapshot(after: string | null, limit: number): Promise<ReplicaSnapshot> {
    const response = await this.#client.call<ReplicaSnapshot>('GET', REPLICA_PATHS.snapshot, {
      query: { ...(after === null ? {} : { after }), limit },
    });
    if (response.status !== 200 || !Array.isArray(response.body?.items)) {
      throw contractBroken('customer', 'a page of the replica snapshot', response.status);
    }
    return response.body;
  }

  /**
   * Every customer, page by page. The next page is fetched while the caller works on the
   * current one, so at most two pages are in memory at a time.
   */
  async *walk(
    pageSize = WALK_DEFAULT_LIMIT,
    requestId?: string,
  ): AsyncGenerator<readonly CustomerRecord[]> {
    let pending: Promise<WalkPage> | undefined = this.page(null, pageSize, requestId);
    while (pending) {
      const page: WalkPage = await pending;
      pending =
        page.nextAfter === null ? undefined : this.page(page.nextAfter, pageSize, requestId);
      // A rejected prefetch must not become an unhandled rejection if the caller stops early.
      pending?.catch(() => undefined);
      if (page.items.length > 0) yield page.items;
    }
  }

  /**
   * Customers for a list of ids or names, chunk by chunk, in the order given (duplicates
   * and names of the same customer yield it once). `missing` collects what does not exist.
   */
  async *resolve(
    field: 'ids' | 'names',
    keys: readonly string[],
    missing: string[],
    requestId?: string,
  ): AsyncGenerator<readonly CustomerRecord[]> {
    const seen = new Set<string>();
    const unique = [...new Set(keys)];
    for (let i = 0; i < unique.length; i += LOOKUP_MAX_ITEMS) {
      const chunk = unique.slice(i, i + LOOKUP_MAX_ITEMS);
      const result = await this.lookup({ [field]: chunk }, requestId);
      missing.push(...(field === 'ids' ? result.missingIds : result.missingNames));
      const fresh = result.items.filter((item) => !seen.has(item.id) && seen.add(item.id));
      if (fresh.length > 0) yield fresh;
    }
  }
}
