/**
 * What happened to a message (SPEC §5): one entry of its `history`. `deferred` changes
 * nothing the API shows as a status (the message waits: rate cap, customer service
 * down, a failed attempt to be retried); every other event names the status it led to.
 */
export type HistoryEvent =
  | 'scheduled'
  | 'rescheduled'
  | 'deferred'
  | 'delivered'
  | 'failed'
  | 'cancelled'
  | 'expired'
  | 'unreachable'
  | 'suppressed';

export const HISTORY_EVENTS: readonly HistoryEvent[] = Object.freeze([
  'scheduled',
  'rescheduled',
  'deferred',
  'delivered',
  'failed',
  'cancelled',
  'expired',
  'unreachable',
  'suppressed',
]);

/** Why (SPEC §5): the reason codes, exactly. */
export type HistoryReason =
  | 'IN_WINDOW'
  | 'BUSINESS_CLOSED_DAY'
  | 'BUSINESS_CLOSURE'
  | 'OUTSIDE_BUSINESS_HOURS'
  | 'OUTSIDE_CUSTOMER_HOURS'
  | 'CUSTOMER_CLOSURE'
  | 'NO_OVERLAP'
  | 'SEND_AT_LATER'
  | 'HOURS_CHANGED'
  | 'CALENDAR_CHANGED'
  | 'LATE_DISPATCH'
  | 'CUSTOMER_SERVICE_UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'DELIVERY_FAILED'
  | 'OPTED_OUT'
  | 'FREQUENCY_CAP'
  | 'EXPIRED'
  | 'CANCELLED'
  | 'CUSTOMER_DELETED';

export const HISTORY_REASONS: readonly HistoryReason[] = Object.freeze([
  'IN_WINDOW',
  'BUSINESS_CLOSED_DAY',
  'BUSINESS_CLOSURE',
  'OUTSIDE_BUSINESS_HOURS',
  'OUTSIDE_CUSTOMER_HOURS',
  'CUSTOMER_CLOSURE',
  'NO_OVERLAP',
  'SEND_AT_LATER',
  'HOURS_CHANGED',
  'CALENDAR_CHANGED',
  'LATE_DISPATCH',
  'CUSTOMER_SERVICE_UNAVAILABLE',
  'RATE_LIMITED',
  'DELIVERY_FAILED',
  'OPTED_OUT',
  'FREQUENCY_CAP',
  'EXPIRED',
  'CANCELLED',
  'CUSTOMER_DELETED',
]);
