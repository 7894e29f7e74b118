import { nextOpen, type Schedule } from '@screenmagic/hours-window';
import { REACH_HORIZON_DAYS } from './delivery-decision.ts';

/** What the dispatcher does with one claimed message. */
export type DispatchAction =
  | { readonly action: 'deliver' }
  | { readonly action: 'reschedule'; readonly at: Date }
  | { readonly action: 'expire' }
  | { readonly action: 'cancel'; readonly reason: 'broadcast-cancelled' | 'customer-deleted' }
  | { readonly action: 'unreachable' }
  | { readonly action: 'suppress'; readonly reason: 'OPTED_OUT' };

export interface DispatchFacts {
  /** The clock's now at dispatch. */
  readonly now: Date;
  readonly expiresAt: Date | null;
  /** False for an order confirmation that goes out at once, whatever the hours. */
  readonly holdToWindow: boolean;
  readonly broadcastCancelled: boolean;
  /**
   * The recipient's delivery window from the customer's CURRENT record (business calendar
   * and customer schedule); null when the customer no longer exists.
   */
  readonly window: readonly Schedule[] | null;
  /**
   * A marketing message whose customer's CURRENT record says no marketing consent (SPEC
   * §6: checked at acceptance and again at dispatch). False for transactional messages.
   */
  readonly optedOut?: boolean;
}

/**
 * The dispatch-time re-check, in order: a cancelled broadcast's message is cancelled; one
 * past its expiry is expired; one whose customer was deleted is cancelled; an
 * marketing message to a customer who has since opted out is suppressed; an order
 * confirmation not held to the window is delivered; otherwise it is delivered only
 * when the window is open now, else rescheduled to the window's next opening (so a
 * message that became due late — dispatcher down, backlog, changed hours or zone — is
 * never sent outside the window), or `unreachable` when the window no longer opens within
 * 28 days.
 */
export function planDispatch(facts: DispatchFacts): DispatchAction {
  if (facts.broadcastCancelled) return { action: 'cancel', reason: 'broadcast-cancelled' };
  if (facts.expiresAt !== null && facts.expiresAt.getTime() <= facts.now.getTime()) {
    return { action: 'expire' };
  }
  if (facts.window === null) return { action: 'cancel', reason: 'customer-deleted' };
  if (facts.optedOut === true) return { action: 'suppress', reason: 'OPTED_OUT' };
  if (!facts.holdToWindow) return { action: 'deliver' };
  const opening = nextOpen(facts.window, facts.now, { horizonDays: REACH_HORIZON_DAYS });
  if (opening === null) return { action: 'unreachable' };
  if (opening.getTime() === facts.now.getTime()) return { action: 'deliver' };
  return { action: 'reschedule', at: opening };
}
