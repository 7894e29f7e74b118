import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export type OrderStatus = 'pending' | 'confirmed';
export type OrderReason = 'open' | 'outside-hours' | 'closed-day';

/**
 * `customer_order`: one row per accepted order, keyed by the client's `order_id` (the
 * primary key is what decides a race between two identical requests).
 */
export interface CustomerOrderTable {
  order_id: string;
  /** Insertion order: the keyset of `GET /v1/orders`. */
  seq: Generated<string>;
  customer_id: string;
  customer_name: string;
  /** The customer's zone when the order was accepted (local times are shown in it). */
  customer_time_zone: string;
  product_id: string;
  payment_method: string;
  /** DECIMAL(18,3), as an exact string. */
  amount: string;
  currency: string;
  placed_at: Date;
  status: OrderStatus;
  reason: OrderReason;
  processing_at: Date;
  confirmed_at: Date | null;
  reply: string;
  /** The text handed to the outgoing service. */
  confirmation_text: string;
  confirmation_message_id: string | null;
  /** Why the confirmation could not be handed over for good (e.g. the customer was deleted). */
  confirmation_error: string | null;
  /** sha256 of the normalized request (see orderFingerprint). */
  request_hash: string;
  /** The first answer, replayed verbatim for a repeated identical request. */
  first_status: number;
  first_response: string;
  created_at: Date;
  updated_at: Date;
  /** JSON array of {@link ProcessingAtChange}: the times the customer was told; NULL before any move. */
  processing_at_history: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON array of {@link CorrectionSent}: the corrections handed over; NULL before the first. */
  corrections: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One entry of `corrections`: the message the outgoing service took and the time it names. */
export interface CorrectionSent {
  readonly messageId: string;
  readonly processingAt: string;
}

/** One entry of `processing_at_history`. */
export interface ProcessingAtChange {
  readonly processingAt: string;
  readonly changedAt: string;
  readonly reason: 'PLACED' | 'CALENDAR_CHANGED';
}

export type CustomerOrderRow = Selectable<CustomerOrderTable>;
export type NewCustomerOrderRow = Insertable<CustomerOrderTable>;
