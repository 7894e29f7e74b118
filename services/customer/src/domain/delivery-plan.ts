import {
  formatLocal,
  type Interval,
  nextOpen,
  type Schedule,
  sharedOpenIntervals,
} from '@screenmagic/hours-window';
import { utcOffsetMinutes } from './utc-offset.ts';

const DAY_MS = 86_400_000;

/** How far ahead `deliveryWindows` lists the windows. */
export const DELIVERY_WINDOW_DAYS = 7;
/** No window within this many days: the customer is unreachable (SPEC §3, broadcasts too). */
export const REACHABILITY_HORIZON_DAYS = 28;
/** A zone at least this far from the business's is worth a warning. */
export const FAR_ZONE_HOURS = 8;
/** Less delivery time than this in the listed days is worth a warning. */
export const SHORT_WINDOW_MINUTES = 60;

/** When a customer can be messaged, as of one instant. */
export interface DeliveryPlan {
  /** Business calendar ∩ customer hours in `[now, now + 7 days)`: sorted, merged, UTC. */
  readonly windows: readonly Interval[];
  /** Whether a window opens within 28 days of now. */
  readonly reachable: boolean;
  /** The earliest instant >= now inside the window (now itself when open), or null. */
  readonly nextDeliveryAt: Date | null;
  /** Plain-language notes on anything a person registering the customer should know. */
  readonly warnings: readonly string[];
}

/**
 * The customer's delivery windows as of `now`: the intersection of the business calendar
 * and the customer's schedule, for concrete instants (so weeks in which the two zones'
 * DST rules disagree get their own overlap), with reachability and warnings.
 *
 * Warnings: never reachable within 28 days; no window in the next 7 days but one later
 * (naming when, in the customer's zone); under an hour of window in the next 7 days; a
 * zone at least 8 hours from the business's.
 *
 * @example
 * // London business Mon–Fri 09:00–18:00, Kolkata customer 10:00–19:00, Monday 30 Nov 2026 00:00Z
 * planDelivery(business, customer, new Date('2026-11-30T00:00:00Z')).windows[0]
 * // => { start: 2026-11-30T09:00:00.000Z, end: 2026-11-30T13:30:00.000Z }  (14:30–19:00 IST)
 */
export function planDelivery(business: Schedule, customer: Schedule, now: Date): DeliveryPlan {
  const schedules = [business, customer];
  const windows = sharedOpenIntervals(
    schedules,
    now,
    new Date(now.getTime() + DELIVERY_WINDOW_DAYS * DAY_MS),
  );
  const nextDeliveryAt =
    windows[0]?.start ?? nextOpen(schedules, now, { horizonDays: REACHABILITY_HORIZON_DAYS });
  const reachable = nextDeliveryAt !== null;
  const zone = customer.timeZone;

  const warnings: string[] = [];
  if (!reachable) {
    warnings.push(
      `The customer's working hours do not overlap the business's hours at any time in the next ${REACHABILITY_HORIZON_DAYS} days: ` +
        'messages cannot be delivered to them (broadcasts will list them as unreachable).',
    );
  } else if (windows.length === 0 && nextDeliveryAt !== null) {
    warnings.push(
      `No delivery window in the next ${DELIVERY_WINDOW_DAYS} days; the next one opens at ` +
        `${formatLocal(nextDeliveryAt, zone)} (${nextDeliveryAt.toISOString()}).`,
    );
  } else {
    const minutes =
      windows.reduce((sum, w) => sum + (w.end.getTime() - w.start.getTime()), 0) / 60_000;
    if (minutes < SHORT_WINDOW_MINUTES) {
      warnings.push(
        `Only ${Math.round(minutes)} minutes of delivery window in the next ${DELIVERY_WINDOW_DAYS} days.`,
      );
    }
  }
  const farZone = zoneDistanceWarning(business.timeZone, zone, now);
  if (farZone !== undefined) warnings.push(farZone);

  return { windows, reachable, nextDeliveryAt, warnings };
}

function zoneDistanceWarning(
  businessZone: string,
  customerZone: string,
  now: Date,
): string | undefined {
  const difference = utcOffsetMinutes(now, customerZone) - utcOffsetMinutes(now, businessZone);
  if (Math.abs(difference) < FAR_ZONE_HOURS * 60) return undefined;
  const hours = Math.abs(difference) / 60;
  const amount = Number.isInteger(hours) ? `${hours}` : hours.toFixed(2).replace(/0$/, '');
  return (
    `The customer's time zone (${customerZone}) is ${amount} hours ${difference > 0 ? 'ahead of' : 'behind'} ` +
    `the business's (${businessZone}) at the moment; check that the delivery windows are what you expect.`
  );
}
