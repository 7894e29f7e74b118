import type { Schedule } from '@screenmagic/hours-window';
import { decideDelivery, type DeliveryDecision } from './delivery-decision.ts';

/** A queued message as a re-plan sees it. */
export interface QueuedMessage {
  readonly status: 'scheduled' | 'unreachable';
  readonly scheduledFor: Date | null;
  readonly expiresAt: Date | null;
  /** The earliest it may be sent: its broadcast's send time, or when it was created. */
  readonly notBefore: Date;
}

/** What a re-plan does to one message. */
export type Replan =
  | { readonly action: 'keep' }
  | { readonly action: 'schedule'; readonly scheduledFor: Date; readonly dueAt: Date }
  | { readonly action: 'unreachable' };

/**
 * Re-plans a queued message after its delivery window changed (the business calendar, or
 * the customer's hours, zone or holidays): decided exactly as at acceptance, from its own
 * send time or now, whichever is later — inside the window it keeps that time, outside it
 * moves to the next opening (earlier or later than before), and with no opening within
 * 28 days it becomes `unreachable`; an `unreachable` message whose window opens again is
 * `scheduled`. A message whose plan is unchanged, or that has expired (the dispatcher
 * ends it), is kept as it is.
 *
 * @param window the schedules that must all be open (business calendar, customer).
 * @example
 * // scheduled for Monday 09:00; Monday became a holiday; now is Friday
 * replanMessage({ status: 'scheduled', scheduledFor: monday9, expiresAt: null, notBefore: friday }, window, friday)
 * // => { action: 'schedule', scheduledFor: tuesday9, dueAt: tuesday9 }
 */
export function replanMessage(
  message: QueuedMessage,
  window: readonly Schedule[],
  now: Date,
): Replan {
  return replanWithDecision(message, decideDelivery(window, replanFrom(message, now), now), now);
}

/** The instant a message is re-decided from: its own send time, or now if that passed. */
export function replanFrom(message: Pick<QueuedMessage, 'notBefore'>, now: Date): Date {
  return message.notBefore.getTime() > now.getTime() ? message.notBefore : now;
}

/**
 * {@link replanMessage} with the delivery decision for `replanFrom(message, now)` already
 * made (a re-plan of many messages decides once per distinct window and instant).
 */
export function replanWithDecision(
  message: QueuedMessage,
  decision: DeliveryDecision,
  now: Date,
): Replan {
  if (message.expiresAt !== null && message.expiresAt.getTime() <= now.getTime()) {
    return { action: 'keep' };
  }
  if (decision.scheduledFor === null) {
    return message.status === 'unreachable' ? { action: 'keep' } : { action: 'unreachable' };
  }
  const scheduledFor = decision.scheduledFor;
  if (
    message.status === 'scheduled' &&
    message.scheduledFor?.getTime() === scheduledFor.getTime()
  ) {
    return { action: 'keep' };
  }
  const expiresAt = message.expiresAt;
  const dueAt =
    expiresAt !== null && expiresAt.getTime() < scheduledFor.getTime() ? expiresAt : scheduledFor;
  return { action: 'schedule', scheduledFor, dueAt };
}
