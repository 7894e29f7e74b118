import {
  isValidTimeZone,
  parseSchedule,
  type Schedule,
  ScheduleError,
} from '@screenmagic/hours-window';
import { type ErrorDetail, pointerToPath, validationFailed } from '@screenmagic/service-kit';
import type { CustomerPatch, NewCustomer } from '../schemas/customer.ts';
import { normalizeName } from './customer-name.ts';
import { phoneKey } from './phone-key.ts';

/** A customer's stored fields, validated and normalized. */
export interface CustomerFields {
  readonly name: string;
  readonly nameKey: string;
  readonly phone: string | null;
  /** Normalized; its `timeZone` is the customer's zone. */
  readonly schedule: Schedule;
  /** SPEC §6: may be sent marketing messages. */
  readonly marketingConsent: boolean;
}

export interface ValidatedInput<T> {
  readonly fields: T;
  /** Notes on what was changed or assumed (a trimmed name, a defaulted zone). */
  readonly warnings: readonly string[];
}

/**
 * Semantic checks of a new customer (the request schema has checked the shape) and its
 * normalized fields. The customer's zone is `workingHours.timeZone`, else `timeZone`,
 * else the business's; both given and different is an error on `timeZone`.
 *
 * @throws {AppError} 400 VALIDATION_FAILED with one detail per bad field
 *   (`name`, `timeZone`, `workingHours.weekly.mon[0].end`, …).
 */
export function validateNewCustomer(
  input: NewCustomer,
  businessTimeZone: string,
  defaultMarketingConsent = true,
): ValidatedInput<CustomerFields> {
  const details: ErrorDetail[] = [];
  const warnings: string[] = [];
  const name = checkName(input.name, details, warnings);
  const schedule = resolveSchedule(input.workingHours, input.timeZone, businessTimeZone, details);
  if (details.length > 0 || name === undefined || schedule === undefined) throw invalid(details);
  if (input.timeZone === undefined && !hasOwnTimeZone(input.workingHours)) {
    warnings.push(
      `No time zone given: the working hours are read in the business's zone (${businessTimeZone}).`,
    );
  }
  return {
    fields: {
      name: name.name,
      nameKey: name.key,
      phone: storedPhone(input.phone, warnings),
      schedule,
      marketingConsent: input.consent?.marketing ?? defaultMarketingConsent,
    },
    warnings,
  };
}

/**
 * Semantic checks of a change to a customer, against its current schedule. Working hours
 * without a zone (in them or in `timeZone`) keep the customer's current zone; `timeZone`
 * alone moves the current hours to the new zone (same wall-clock hours).
 *
 * @returns only the fields that change.
 * @throws {AppError} 400 VALIDATION_FAILED naming the fields.
 */
export function validateCustomerPatch(
  patch: CustomerPatch,
  current: Schedule,
): ValidatedInput<Partial<CustomerFields>> {
  const details: ErrorDetail[] = [];
  const warnings: string[] = [];
  if (Object.keys(patch).length === 0) {
    throw invalid([
      {
        field: 'body',
        message: 'must change at least one of name, workingHours, timeZone, phone, consent',
      },
    ]);
  }
  const name = patch.name === undefined ? undefined : checkName(patch.name, details, warnings);
  let schedule: Schedule | undefined;
  if (patch.workingHours !== undefined) {
    schedule = resolveSchedule(patch.workingHours, patch.timeZone, current.timeZone, details);
  } else if (patch.timeZone !== undefined && checkTimeZone(patch.timeZone, details)) {
    schedule = parseSchedule({ ...current, timeZone: patch.timeZone });
  }
  if (details.length > 0) throw invalid(details);
  return {
    fields: {
      ...(name === undefined ? {} : { name: name.name, nameKey: name.key }),
      ...(schedule === undefined ? {} : { schedule }),
      ...(patch.phone === undefined ? {} : { phone: storedPhone(patch.phone, warnings) }),
      ...(patch.consent === undefined ? {} : { marketingConsent: patch.consent.marketing }),
    },
    warnings,
  };
}

function checkName(
  raw: string,
  details: ErrorDetail[],
  warnings: string[],
): { name: string; key: string } | undefined {
  const result = normalizeName(raw);
  if ('problem' in result) {
    details.push({ field: 'name', message: result.problem });
    return undefined;
  }
  if (result.changed) {
    warnings.push(`The name was stored as ${JSON.stringify(result.name)} (trimmed, Unicode NFC).`);
  }
  return result;
}

/**
 * The phone as stored: reduced to `+` and digits (the schema has checked it is a plausible
 * number). One stored form makes `+91 98765 43210` and `+919876543210` the same phone
 * everywhere — the phone key inbound messages match on, the outgoing replica, and the
 * delivery webhook's `to`, which a carrier reads as E.164.
 */
function storedPhone(raw: string | null | undefined, warnings: string[]): string | null {
  if (raw === undefined || raw === null) return null;
  const phone = phoneKey(raw);
  if (phone !== raw)
    warnings.push(`The phone was stored as ${JSON.stringify(phone)} (+ and digits).`);
  return phone;
}

function checkTimeZone(zone: string, details: ErrorDetail[]): boolean {
  if (isValidTimeZone(zone)) return true;
  details.push({ field: 'timeZone', message: `'${zone}' is not a known IANA time zone` });
  return false;
}

/** The schedule of `workingHours`, its zone resolved as validateNewCustomer describes. */
function resolveSchedule(
  workingHours: unknown,
  timeZone: string | undefined,
  fallbackZone: string,
  details: ErrorDetail[],
): Schedule | undefined {
  const zoneIsValid = timeZone !== undefined && checkTimeZone(timeZone, details);
  let schedule: Schedule;
  try {
    schedule = parseSchedule(workingHours, {
      defaultTimeZone: zoneIsValid ? timeZone : fallbackZone,
    });
  } catch (error) {
    if (!(error instanceof ScheduleError)) throw error;
    details.push({ field: scheduleField(error.path), message: error.reason });
    return undefined;
  }
  if (
    zoneIsValid &&
    hasOwnTimeZone(workingHours) &&
    timeZone.toLowerCase() !== schedule.timeZone.toLowerCase()
  ) {
    details.push({
      field: 'timeZone',
      message:
        `'${timeZone}' differs from workingHours.timeZone ('${schedule.timeZone}'): ` +
        'give the zone once, or the same in both',
    });
    return undefined;
  }
  return schedule;
}

function hasOwnTimeZone(workingHours: unknown): boolean {
  return typeof workingHours === 'object' && workingHours !== null && 'timeZone' in workingHours;
}

/** A ScheduleError's JSON pointer as a field of the request: `workingHours.weekly.mon[0].end`. */
export function scheduleField(pointer: string): string {
  return pointer === '' ? 'workingHours' : `workingHours.${pointerToPath(pointer)}`;
}

function invalid(details: readonly ErrorDetail[]) {
  const first = details[0];
  return validationFailed(
    first ? `Invalid customer: ${first.field} ${first.message}` : 'Invalid customer',
    details,
  );
}
