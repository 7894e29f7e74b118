import { formatLocal, type Interval, type Schedule } from '@screenmagic/hours-window';
import type { StoredCustomer } from '../db/stored-customer-repository.ts';
import type { Customer } from '../domain/customer.ts';
import { planDelivery } from '../domain/delivery-plan.ts';
import type { WindowSide } from '../domain/window-sides.ts';
import type { CustomerView, DeliveryWindow } from '../schemas/customer.ts';
import type { CustomerRecord } from '@screenmagic/service-kit/contracts';
import { scheduleView } from './schedule-view.ts';

/** A window as the API shows it: UTC instants and the same instants in `timeZone`. */
export function windowView(window: Interval, timeZone: string): DeliveryWindow {
  return {
    start: window.start.toISOString(),
    end: window.end.toISOString(),
    startLocal: formatLocal(window.start, timeZone),
    endLocal: formatLocal(window.end, timeZone),
  };
}

/** One side of a timeline as the API shows it (`WindowSide` schema). */
export function windowSideView(side: WindowSide) {
  const zone = side.timeZone;
  return {
    timeZone: zone,
    open: side.open.map((w) => windowView(w, zone)),
    closures: side.closures.map((c) => ({
      ...c,
      start: c.start.toISOString(),
      end: c.end.toISOString(),
    })),
    offsetChanges: side.offsetChanges.map((c) => ({
      at: c.at.toISOString(),
      atLocal: formatLocal(c.at, zone),
      offsetBefore: c.offsetBefore,
      offsetAfter: c.offsetAfter,
    })),
  };
}

/**
 * The public representation of a customer, with delivery windows computed as of `now`.
 * `extraWarnings` (from validating a create or an update) come first.
 */
export function customerView(
  customer: Customer,
  business: Schedule,
  now: Date,
  extraWarnings: readonly string[] = [],
): CustomerView {
  const zone = customer.schedule.timeZone;
  const plan = planDelivery(business, customer.schedule, now);
  return {
    id: customer.id,
    name: customer.name,
    phone: customer.phone,
    consent: { marketing: customer.consent.marketing },
    timeZone: zone,
    workingHours: scheduleView(customer.schedule),
    deliveryWindows: plan.windows.map((w) => windowView(w, zone)),
    reachable: plan.reachable,
    nextDeliveryAt: plan.nextDeliveryAt?.toISOString() ?? null,
    nextDeliveryAtLocal:
      plan.nextDeliveryAt === null ? null : formatLocal(plan.nextDeliveryAt, zone),
    warnings: [...extraWarnings, ...plan.warnings],
    createdAt: customer.createdAt.toISOString(),
    updatedAt: customer.updatedAt.toISOString(),
  };
}

/** What other services get (docs/architecture.md, `CustomerRecord`). */
export function customerRecord(customer: Customer): CustomerRecord {
  return {
    id: customer.id,
    name: customer.name,
    phone: customer.phone,
    consent: { marketing: customer.consent.marketing },
    timeZone: customer.schedule.timeZone,
    workingHours: scheduleView(customer.schedule),
    updatedAt: customer.updatedAt.toISOString(),
  };
}

/**
 * The JSON text of a `CustomerRecord`, written by hand around the stored schedule text
 * (see `StoredCustomer`); `JSON.parse` of it equals `customerRecord` of the same customer.
 */
export function storedRecordJson(customer: StoredCustomer): string {
  return (
    `{"id":${JSON.stringify(customer.id)},"name":${JSON.stringify(customer.name)},` +
    `"phone":${JSON.stringify(customer.phone)},"consent":{"marketing":${customer.marketing}},` +
    `"timeZone":${JSON.stringify(customer.timeZone)},` +
    `"workingHours":${customer.workingHoursJson},"updatedAt":"${customer.updatedAt.toISOString()}"}`
  );
}
