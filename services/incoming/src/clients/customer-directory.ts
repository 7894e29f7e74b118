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
  readonly missingPhones?: readonly string[];
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

  /**
   * The customers whose phone matches `from` once both are reduced to `+` and digits
   * (more than one when a household shares a phone), in id order.
   *
   * @throws {AppError} 503 DEPENDENCY_UNAVAILABLE when the customer service is down.
   */
  async findByPhone(from: string, requestId?: string): Promise<readonly CustomerSummary[]> {
    const response = await this.#client.call<LookupResponse>('POST', '/internal/customers/lookup', {
      body: { phones: [from] },
      ...(requestId === undefined ? {} : { requestId }),
    });
    const items: unknown = response.body?.items;
    if (response.status !== 200 || !Array.isArray(items)) {
      throw new AppError(
        502,
        'BAD_GATEWAY',
        `The customer service answered ${response.status} to a phone lookup`,
      );
    }
    return [...(items as readonly CustomerSummary[])].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /**
   * Sets a customer's marketing consent (an inbound STOP or START). False when the
   * customer no longer exists.
   *
   * @throws {AppError} 503 DEPENDENCY_UNAVAILABLE when the customer service is down.
   */
  async setMarketingConsent(id: string, marketing: boolean, requestId?: string): Promise<boolean> {
    const response = await this.#client.call(
      'POST',
      `/internal/customers/${encodeURIComponent(id)}/consent`,
      {
        body: { marketing },
        ...(requestId === undefined ? {} : { requestId }),
      },
    );
    if (response.status === 200) return true;
    if (response.status === 404) return false;
    throw new AppError(
      502,
      'BAD_GATEWAY',
      `The customer service answered ${response.status} to a consent change`,
    );
  }
}
