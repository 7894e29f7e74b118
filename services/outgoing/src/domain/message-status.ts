import { MESSAGE_STATUSES, type MessageStatus } from '@screenmagic/service-kit/contracts';

// Every state a message can be in (`MESSAGE_STATUSES`, `MessageStatus`) is part of the
// internal contract (`@screenmagic/service-kit/contracts`): the incoming service reads it.

/**
 * `order-update`: a correction telling the customer that a pending order's processing
 * time moved (the business calendar changed); `reply`: the answer to a customer's own
 * inbound message (SPEC section 6).
 */
export type MessageKind = 'broadcast' | 'order-confirmation' | 'order-update' | 'reply';

/** Statuses of a message still waiting to be sent (what cancelling a broadcast stops). */
export const UNSENT_STATUSES: readonly MessageStatus[] = Object.freeze(['scheduled', 'sending']);

export type StatusCounts = Record<MessageStatus, number>;

/** A count for every status, zero where none were given. */
export function statusCounts(rows: Iterable<{ status: string; count: number }>): StatusCounts {
  const counts = Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const { status, count } of rows) {
    if (status in counts) counts[status as MessageStatus] += count;
  }
  return counts;
}
