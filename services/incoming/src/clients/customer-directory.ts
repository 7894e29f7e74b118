import { AppError, type ServiceClient } from '@screenmagic/service-kit';
import type { CustomerRef } from '../domain/order-request.ts';

/** What the incoming service needs to know about a customer. */
export interface CustomerSummary {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
}

interface LookupResponse {
  readonly items: readonly CustomerSummary[];
  readonly missingIds: readonly string[];
  readonly missingNames: readonly string[];
}

/**
 * The customer service's `POST /internal/customers/lookup` (docs/architecture.md), for
 * one customer by name or id.
 */
export class CustomerDirectory {
  readonly #client: ServiceClient;

  constructor(client: ServiceClient) {
    this.#client = client;
  }

  /**
   * The customer, or null when there is none with that name or id.
   *
   * @throws {AppError} 503 DEPENDENCY_UNAVAILABLE when the customer service is down.
   */
  async find(ref: CustomerRef, requestId?: string): Promise<CustomerSummary | undefined> {
    const body = ref.kind === 'id' ? { ids: [ref.id] } : { names: [ref.name] };
    const response = await this.#client.call<LookupResponse>('POST', '/internal/customers/lookup', {
      body,
      ...(requestId === undefined ? {} : { requestId }),
    });
    const items: unknown = response.body?.items;
    if (response.status !== 200 || !Array.isArray(items)) {
      throw new AppError(
        502,
        'BAD_GATEWAY',
        `The customer service answered ${response.status} to a lookup`,
      );
    }
    return (items as readonly CustomerSummary[])[0];
  }
}
