/**
 * Every state a message can be in. `scheduled`: waiting for its time; `sending`: due (or
 * being delivered, or waiting to retry); then one final state. `unreachable` is only for
 * recipients no delivery window reaches within 28 days; `suppressed`
 * for marketing messages to a customer without consent (`OPTED_OUT`) or beyond the daily
 * cap (`FREQUENCY_CAP`).
 */
export type MessageStatus =
  | 'scheduled'
  | 'sending'
  | 'delivered'
  | 'failed'
  | 'cancelled'
  | 'expired'
  | 'unreachable'
  | 'suppressed';

/**
 * `order-update`: a correction telling the customer that a pending order's processing
 * time moved (the business calendar changed).
 */
/** `reply`: the answer to a customer's own inbound message (SPEC §6). */
export type MessageKind = 'broadcast' | 'order-confirmation' | 'order-update' | 'reply';

/** Every status, in the order responses list them. */
export const MESSAGE_STATUSES: readonly MessageStatus[] = Object.freeze([
  'scheduled',
  'sending',
  'delivered',
  'failed',
  'cancelled',
  'expired',
  'unreachable',
  'suppressed',
]);

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
