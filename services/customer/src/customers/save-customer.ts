import { conflict, newId, notFound } from '@screenmagic/service-kit';
import type { Schedule } from '@screenmagic/hours-window';
import type { Static } from 'typebox';
import { recordCustomerChange } from '../db/business-calendar-repository.ts';
import {
  deleteCustomer as deleteRow,
  findCustomerForUpdate,
  insertCustomer,
  updateCustomer as updateRow,
} from '../db/customer-repository.ts';
import { setMarketingConsent } from '../db/consent-repository.ts';
import type { Customer } from '../domain/customer.ts';
import type { CustomerFields } from '../domain/customer-input.ts';
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
  const at = clock.now();
  const created = await db.transaction().execute(async (trx) => {
    const inserted = await insertCustomer(trx, { id: newId('cus'), at, ...fields });
    // A new customer is a change too: the other services' replicas learn of it.
    // Nothing is queued for a customer yet: the re-plan skips it (`replan = false`).
    if (!('nameTaken' in inserted)) await recordCustomerChange(trx, inserted.id, at, false);
    return inserted;
  });
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
    // when they read this change (docs/decisions.md, "Promises kept"). A consent
    // withdrawn: outgoing suppresses the customer's queued marketing. Any change to what
    // outgoing's replica holds (name, phone, consent, hours, zone) is recorded, in this
    // transaction: the replica must not miss it (docs/decisions.md).
    if (replicatedFieldsChanged(current, change.fields)) {
      await recordCustomerChange(trx, id, now, replanNeeded(current, change.fields));
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
  return db.transaction().execute(async (trx) => {
    const before = await findCustomerForUpdate(trx, id);
    if (before === undefined || !(await setMarketingConsent(trx, id, marketing, now))) {
      throw notFound('Customer', id);
    }
    // In the same transaction: a consent change is never visible without its record.
    if (before.consent.marketing !== marketing) await recordCustomerChange(trx, id, now);
    return { ...before, consent: { marketing }, updatedAt: now };
  });
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

/**
 * Whether a change touches what other services keep of the customer: the side of the
 * window (hours, holidays, zone), the consent, the phone or the name (the address of a
 * customer without a phone).
 */
function replicatedFieldsChanged(current: Customer, next: Partial<CustomerFields>): boolean {
  return (
    (next.schedule !== undefined && !sameSchedule(next.schedule, current.schedule)) ||
    (next.marketingConsent !== undefined && next.marketingConsent !== current.consent.marketing) ||
    (next.phone !== undefined && next.phone !== current.phone) ||
    (next.name !== undefined && next.name !== current.name)
  );
}

/** Whether queued work depends on what changed: the side of the window or the consent. */
function replanNeeded(current: Customer, next: Partial<CustomerFields>): boolean {
  return (
    (next.schedule !== undefined && !sameSchedule(next.schedule, current.schedule)) ||
    (next.marketingConsent !== undefined && next.marketingConsent !== current.consent.marketing)
  );
}

function sameSchedule(a: Schedule, b: Schedule): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
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
