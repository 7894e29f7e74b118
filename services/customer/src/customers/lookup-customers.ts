import type { Kysely } from 'kysely';
import {
  findStoredBy,
  type StoredCustomer,
  walkCustomers,
} from '../db/stored-customer-repository.ts';
import type { Database } from '../db/database.ts';
import { nameKey } from '../domain/customer-name.ts';
import { phoneKey } from '../domain/phone-key.ts';

/** The internal lookup's answer: the customers found, and what was asked for and not found. */
export interface Lookup {
  readonly items: Iterable<StoredCustomer>;
  readonly missingIds: readonly string[];
  /** As the caller sent them. */
  readonly missingNames: readonly string[];
  /** As the caller sent them. */
  readonly missingPhones: readonly string[];
}

/**
 * Customers by id, by name (matched like the unique key: trimmed, case-insensitive) and by
 * phone (both sides reduced to `+` and digits; a shared phone gives every customer with it).
 */
export async function lookupCustomers(
  db: Kysely<Database>,
  request: {
    readonly ids?: readonly string[];
    readonly names?: readonly string[];
    readonly phones?: readonly string[];
  },
): Promise<Lookup> {
  const ids = [...new Set(request.ids ?? [])];
  const names = request.names ?? [];
  const phones = request.phones ?? [];
  const keys = [...new Set(names.map(nameKey).filter((key) => key !== ''))];
  const phoneKeys = [...new Set(phones.map(phoneKey).filter((key) => key !== ''))];
  const [byId, byName, byPhone] = await Promise.all([
    findStoredBy(db, 'id', ids),
    findStoredBy(db, 'name_key', keys),
    findStoredBy(db, 'phone_key', phoneKeys),
  ]);
  const foundIds = new Set(byId.map((c) => c.id));
  const foundKeys = new Set(byName.map((c) => c.nameKey));
  const foundPhones = new Set(byPhone.map((c) => (c.phone === null ? '' : phoneKey(c.phone))));
  const items = new Map<string, StoredCustomer>();
  for (const customer of [...byId, ...byName, ...byPhone]) items.set(customer.id, customer);
  return {
    items: items.values(),
    missingIds: ids.filter((id) => !foundIds.has(id)),
    missingNames: names.filter((name) => !foundKeys.has(nameKey(name))),
    missingPhones: phones.filter((phone) => !foundPhones.has(phoneKey(phone))),
  };
}

/** A page of the keyset walk over every customer, in id order after `after`. */
export async function walkPage(
  db: Kysely<Database>,
  after: string | undefined,
  limit: number,
): Promise<{ readonly items: readonly StoredCustomer[]; readonly nextAfter: string | null }> {
  const rows = await walkCustomers(db, after, limit);
  const items = rows.slice(0, limit);
  return { items, nextAfter: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
