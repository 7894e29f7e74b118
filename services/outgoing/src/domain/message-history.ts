import { MESSAGE_STATUSES, type MessageStatus } from '@screenmagic/service-kit/contracts';

/**
 * What happened to a message (SPEC §5): one entry of its `history`. `deferred` changes
 * nothing the API shows as a status (the message waits: rate cap, customer service
 * down, a failed attempt to be retried); every other event names the status it led to.
 */
export const HISTORY_EVENTS = Object.freeze([
  'scheduled',
  'rescheduled',
  'deferred',
  // Every final status (the contract's list, in its order).
  ...MESSAGE_STATUSES.filter(
    (status): status is Exclude<MessageStatus, 'scheduled' | 'sending'> =>
      status !== 'scheduled' && status !== 'sending',
  ),
] as const);
export type HistoryEvent = (typeof HISTORY_EVENTS)[number];

/** Why (SPEC §5): the reason codes, exactly. */
export const HISTORY_REASONS = Object.freeze([
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
] as const);
export type HistoryReason = (typeof HISTORY_REASONS)[number];
