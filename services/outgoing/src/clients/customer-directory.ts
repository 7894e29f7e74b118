import type { ServiceClient } from '@screenmagic/service-kit';
import type { CustomerLookup, CustomerPage, CustomerRecord } from './customer-record.ts';

/** The customer service accepts at most this many ids or names per lookup. */
export const LOOKUP_CHUNK = 1_000;
/** Page size of the walk over every customer (the service allows up to 5,000). */
export const WALK_PAGE_SIZE = 1_000;

/**
 * The outgoing service's view of the customer service (`/internal/customers*`). A service
 * that is down or answers 5xx throws `503 DEPENDENCY_UNAVAILABLE` (ServiceClient); any
 * other unexpected answer is a broken contract and throws a plain Error.
 */
export class CustomerDirectory {
  readonly #client: ServiceClient;

  constructor(client: ServiceClient) {
    this.#client = client;
  }

  /** One lookup call: at most {@link LOOKUP_CHUNK} ids and names. */
  async lookup(
    query: { ids?: readonly string[]; names?: readonly string[] },
    requestId?: string,
  ): Promise<CustomerLookup> {
    const response = await this.#client.call<CustomerLookup>('POST', '/internal/customers/lookup', {
      body: {
        ...(query.ids && query.ids.length > 0 ? { ids: query.ids } : {}),
        ...(query.names && query.names.length > 0 ? { names: query.names } : {}),
      },
      ...(requestId ? { requestId } : {}),
    });
    if (response.status !== 200 || !Array.isArray(response.body?.items)) {
      throw new Error(
        `customer lookup answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`,
      );
    }
    return {
      items: response.body.items,
      missingIds: response.body.missingIds ?? [],
      missingNames: response.body.missingNames ?? [],
    };
  }

  /** Customers by id, any number (chunked); a Map by id of those that exist. */
  async byIds(ids: readonly string[], requestId?: string): Promise<Map<string, CustomerRecord>> {
    const found = new Map<string, CustomerRecord>();
    for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
      const { items } = await this.lookup({ ids: ids.slice(i, i + LOOKUP_CHUNK) }, requestId);
      for (const item of items) found.set(item.id, item);
    }
    return found;
  }

  /** One page of the keyset walk over every customer, ordered by id. */
  async page(after: string | null, limit: number, requestId?: string): Promise<CustomerPage> {
    const response = await this.#client.call<CustomerPage>('GET', '/internal/customers', {
      query: { ...(after === null ? {} : { after }), limit: String(limit) },
      ...(requestId ? { requestId } : {}),
    });
    if (response.status !== 200 || !Array.isArray(response.body?.items)) {
      throw new Error(
        `customer list answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`,
      );
    }
    return { items: response.body.items, nextAfter: response.body.nextAfter ?? null };
  }

  /**
   * Every customer, page by page. The next page is fetched while the caller works on the
   * current one, so at most two pages are in memory at a time.
   */
  async *walk(
    pageSize = WALK_PAGE_SIZE,
    requestId?: string,
  ): AsyncGenerator<readonly CustomerRecord[]> {
    let pending: Promise<CustomerPage> | undefined = this.page(null, pageSize, requestId);
    while (pending) {
      const page: CustomerPage = await pending;
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
    for (let i = 0; i < unique.length; i += LOOKUP_CHUNK) {
      const chunk = unique.slice(i, i + LOOKUP_CHUNK);
      const result = await this.lookup({ [field]: chunk }, requestId);
      missing.push(...(field === 'ids' ? result.missingIds : result.missingNames));
      const fresh = result.items.filter((item) => !seen.has(item.id) && seen.add(item.id));
      if (fresh.length > 0) yield fresh;
    }
  }

  /**
   * The customer service's explanation of the customer's window at `at` (SPEC §5,
   * `GET /internal/customers/{id}/explain`); null when the customer no longer exists.
   */
  async explain(customerId: string, at: Date, requestId?: string): Promise<unknown> {
    const response = await this.#client.call<unknown>(
      'GET',
      `/internal/customers/${encodeURIComponent(customerId)}/explain`,
      { query: { at: at.toISOString() }, ...(requestId ? { requestId } : {}) },
    );
    if (response.status === 404) return null;
    if (response.status !== 200 || typeof response.body !== 'object' || response.body === null) {
      throw new Error(
        `customer explain answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`,
      );
    }
    return response.body;
  }
}
