import { conflict, newId, notFound } from '@screenmagic/service-kit';
import type { Static } from 'typebox';
import {
  deleteCustomer as deleteRow,
  findCustomerForUpdate,
  insertCustomer,
  updateCustomer as updateRow,
} from '../db/customer-repository.ts';
import type { Customer } from '../domain/customer.ts';
import { validateCustomerPatch, validateNewCustomer } from '../domain/customer-input.ts';
import type { CustomerPatchSchema, NewCustomerSchema } from '../schemas/customer.ts';
import type { CustomerDeps } from './customer-deps.ts';

/** A customer as written, with the warnings its input earned (shown in the answer). */
export interface SavedCustomer {
  readonly customer: Customer;
  readonly warnings: readonly string[];
}

/** Registers a customer; 409 CUSTOMER_EXISTS when the name (case-insensitive, trimmed) is taken. */
export async function createCustomer(
  { db, clock, businessCalendar }: CustomerDeps,
  body: Static<typeof NewCustomerSchema>,
): Promise<SavedCustomer> {
  const { fields, warnings } = validateNewCustomer(body, businessCalendar.timeZone);
  const created = await insertCustomer(db, { id: newId('cus'), at: clock.now(), ...fields });
  if ('nameTaken' in created) throw customerExists(fields.name, created.existingId);
  return { customer: created, warnings };
}

/** Changes a customer under its row lock, so concurrent updates apply one by one. */
export async function updateCustomer(
  { db, clock }: CustomerDeps,
  id: string,
  body: Static<typeof CustomerPatchSchema>,
): Promise<SavedCustomer> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const current = await findCustomerForUpdate(trx, id);
    if (current === undefined) throw notFound('Customer', id);
    const change = validateCustomerPatch(body, current.schedule);
    const taken = await updateRow(trx, id, change.fields, now);
    if (taken !== undefined) throw customerExists(change.fields.name ?? '', taken.existingId);
    return {
      customer: { ...current, ...change.fields, updatedAt: now },
      warnings: change.warnings,
    };
  });
}

/** Deletes a customer; 404 when there is none with that id. */
export async function deleteCustomer({ db }: CustomerDeps, id: string): Promise<void> {
  if (!(await deleteRow(db, id))) throw notFound('Customer', id);
}

function customerExists(name: string, taken: string | undefined) {
  const existingId = taken ?? null;
  return conflict('CUSTOMER_EXISTS', `A customer named ${JSON.stringify(name)} already exists`, {
    extra: { existingId },
    details: [
      {
        field: 'name',
        message: 'is taken (names are compared case-insensitively, after trimming)',
        existingId,
      },
    ],
  });
}
