import { parseSchedule } from '@screenmagic/hours-window';
import { isDuplicateKey } from '@screenmagic/service-kit';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Customer } from '../domain/customer.ts';
import type { CustomerFields } from '../domain/customer-input.ts';
import type { CustomerRow } from './customer.table.ts';
import type { Database } from './database.ts';
import { phoneKey } from '../domain/phone-key.ts';

/** A write that would give a second customer the same name key. */
export interface NameTaken {
  readonly nameTaken: true;
  /** The customer holding the name (undefined if it vanished meanwhile). */
  readonly existingId: string | undefined;
}

/**
 * Stores a new customer. The unique index on `name_key` decides a race between two
 * creates of the same name: the loser gets `NameTaken`, never a second row.
 */
export async function insertCustomer(
  db: Kysely<Database>,
  customer: { readonly id: string; readonly at: Date } & CustomerFields,
): Promise<Customer | NameTaken> {
  try {
    await db
      .insertInto('customer')
      .values({
        id: customer.id,
        name: customer.name,
        name_key: customer.nameKey,
        phone: customer.phone,
        phone_key: customer.phone === null ? null : phoneKey(customer.phone),
        marketing_consent: customer.marketingConsent,
        time_zone: customer.schedule.timeZone,
        working_hours: JSON.stringify(customer.schedule),
        created_at: customer.at,
        updated_at: customer.at,
      })
      .execute();
  } catch (error) {
    if (!isDuplicateName(error)) throw error;
    return { nameTaken: true, existingId: await findIdByNameKey(db, customer.nameKey) };
  }
  return {
    id: customer.id,
    name: customer.name,
    phone: customer.phone,
    schedule: customer.schedule,
    consent: { marketing: customer.marketingConsent },
    createdAt: customer.at,
    updatedAt: customer.at,
  };
}

export async function findCustomer(
  db: Kysely<Database>,
  id: string,
): Promise<Customer | undefined> {
  const row = await db.selectFrom('customer').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toCustomer(row);
}

/** The customer, its row locked until `trx` ends (so concurrent updates apply one by one). */
export async function findCustomerForUpdate(
  trx: Transaction<Database>,
  id: string,
): Promise<Customer | undefined> {
  const row = await trx
    .selectFrom('customer')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row === undefined ? undefined : toCustomer(row);
}

/** Applies `changes` to a customer whose row `trx` has locked. */
export async function updateCustomer(
  trx: Transaction<Database>,
  id: string,
  changes: Partial<CustomerFields>,
  at: Date,
): Promise<NameTaken | undefined> {
  try {
    await trx
      .updateTable('customer')
      .set({
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.nameKey === undefined ? {} : { name_key: changes.nameKey }),
        ...(changes.phone === undefined
          ? {}
          : {
              phone: changes.phone,
              phone_key: changes.phone === null ? null : phoneKey(changes.phone),
            }),
        ...(changes.marketingConsent === undefined
          ? {}
          : { marketing_consent: changes.marketingConsent }),
        ...(changes.schedule === undefined
          ? {}
          : {
              time_zone: changes.schedule.timeZone,
              working_hours: JSON.stringify(changes.schedule),
            }),
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
  } catch (error) {
    // A duplicate key fails the statement, not the transaction: the lookup still runs.
    if (!isDuplicateName(error) || changes.nameKey === undefined) throw error;
    return { nameTaken: true, existingId: await findIdByNameKey(trx, changes.nameKey) };
  }
  return undefined;
}

/** Deletes a customer; false when there was none with that id. */
export async function deleteCustomer(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('customer').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * A page of customers in id order after `afterId`, optionally only those whose name key
 * starts with `nameKeyPrefix`. Returns up to `limit + 1` rows: the extra one tells the
 * caller there is a next page.
 */
export async function listCustomers(
  db: Kysely<Database>,
  options: {
    readonly afterId?: string | undefined;
    readonly nameKey?: string | undefined;
    readonly nameKeyPrefix?: string | undefined;
    readonly limit: number;
  },
): Promise<Customer[]> {
  let query = db
    .selectFrom('customer')
    .selectAll()
    .orderBy('id')
    .limit(options.limit + 1);
  if (options.afterId !== undefined) query = query.where('id', '>', options.afterId);
  if (options.nameKey !== undefined) query = query.where('name_key', '=', options.nameKey);
  if (options.nameKeyPrefix !== undefined) {
    query = query.where(
      sql<boolean>`name_key like ${likePrefix(options.nameKeyPrefix)} escape '!'`,
    );
  }
  const rows = await query.execute();
  return rows.map(toCustomer);
}

async function findIdByNameKey(db: Kysely<Database>, key: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('customer')
    .select('id')
    .where('name_key', '=', key)
    .executeTakeFirst();
  return row?.id;
}

/** Maps a row to a customer, validating the stored schedule (bad data fails loudly). */
export function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    schedule: parseSchedule(readJson(row.working_hours)),
    consent: { marketing: Boolean(row.marketing_consent) },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A JSON column: text on MariaDB, already parsed by mysql2 on MySQL 8. */
export function readJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

function likePrefix(prefix: string): string {
  return `${prefix.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

function isDuplicateName(error: unknown): boolean {
  return isDuplicateKey(error, 'customer_name_key_unique');
}
