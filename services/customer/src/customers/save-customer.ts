import { conflict, newId, notFound } from '@screenmagic/service-kit';
import type { Schedule } from '@screenmagic/hours-window';
import type { Static } from 'typebox';
import { recordCustomerChange } from '../db/business-calendar-repository.ts';
import {
  deleteCustomer as deleteRow,
  findCustomer,
  findCustomerForUpdate,
  insertCustomer,
  updateCustomer as updateRow,
} from '../db/customer-repository.ts';
import { setMarketingConsent } from '../db/consent-repository.ts';
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
  { db, clock, calendar, defaultMarketingConsent }: CustomerDeps,
  body: Static<typeof NewCustomerSchema>,
): Promise<SavedCustomer> {
  const { fields, warnings } = validateNewCustomer(
    body,
    (await calendar()).timeZone,
    defaultMarketingConsent,
  );
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
    // Queued messages were planned for the old hours: the other services re-plan them
    // when they read this change (docs/decisions.md, "Promises kept").
    // A consent withdrawn: outgoing suppresses the customer's queued marketing.
    const consentChanged =
      change.fields.marketingConsent !== undefined &&
      change.fields.marketingConsent !== current.consent.marketing;
    if (timeRulesChanged(current.schedule, change.fields.schedule) || consentChanged) {
      await recordCustomerChange(trx, id, now);
    }
    return {
      customer: {
        ...current,
        ...change.fields,
        consent: { marketing: change.fields.marketingConsent ?? current.consent.marketing },
        updatedAt: now,
      },
      warnings: change.warnings,
    };
  });
}

/**
 * Sets a customer's marketing consent (an inbound STOP / START, through the internal API).
 *
 * @throws AppError 404 when there is no such customer.
 */
export async function setConsent(
  { db, clock }: CustomerDeps,
  id: string,
  marketing: boolean,
): Promise<Customer> {
  const now = clock.now();
  const before = await findCustomer(db, id);
  if (before === undefined || !(await setMarketingConsent(db, id, marketing, now))) {
    throw notFound('Customer', id);
  }
  if (before.consent.marketing !== marketing) await recordCustomerChange(db, id, now);
  return { ...before, consent: { marketing }, updatedAt: now };
}

/** Deletes a customer; 404 when there is none with that id. */
export async function deleteCustomer({ db, clock }: CustomerDeps, id: string): Promise<void> {
  const deleted = await db.transaction().execute(async (trx) => {
    if (!(await deleteRow(trx, id))) return false;
    await recordCustomerChange(trx, id, clock.now());
    return true;
  });
  if (!deleted) throw notFound('Customer', id);
}

/** Whether a change moves the customer's side of the window (hours, holidays, zone). */
function timeRulesChanged(current: Schedule, next: Schedule | undefined): boolean {
  return next !== undefined && JSON.stringify(next) !== JSON.stringify(current);
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
