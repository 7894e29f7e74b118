/**
 * A customer as the customer service's internal API returns it (docs/architecture.md,
 * `CustomerRecord`). `workingHours` is the normalized schedule, parsed here on use.
 */
export interface CustomerRecord {
  readonly id: string;
  readonly name: string;
  readonly phone: string | null;
  readonly timeZone: string;
  readonly workingHours: unknown;
  /** SPEC §6. Absent from a customer service that predates consent: given. */
  readonly consent?: { readonly marketing: boolean };
  readonly updatedAt: string;
}

export interface CustomerLookup {
  readonly items: readonly CustomerRecord[];
  readonly missingIds: readonly string[];
  readonly missingNames: readonly string[];
}

export interface CustomerPage {
  readonly items: readonly CustomerRecord[];
  readonly nextAfter: string | null;
}
