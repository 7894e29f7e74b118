import { formatLocal } from '@screenmagic/hours-window';
import type { CustomerOrderTable, ProcessingAtChange } from '../db/customer-order.table.ts';
import { formatStoredAmount } from '../domain/payment.ts';
import type { OrderView } from '../schemas/order.ts';

/** The columns an order's API shape is made from. */
export type OrderViewSource = Pick<
  CustomerOrderTable,
  | 'order_id'
  | 'status'
  | 'reason'
  | 'customer_id'
  | 'customer_name'
  | 'customer_time_zone'
  | 'product_id'
  | 'payment_method'
  | 'amount'
  | 'currency'
  | 'placed_at'
  | 'processing_at'
  | 'confirmed_at'
  | 'reply'
  | 'confirmation_message_id'
> & {
  /** Absent on a row not read from the table (the first answer), null before any move. */
  readonly processing_at_history?: string | null;
};

/** An order row as the API shows it: instants in UTC, local times in the customer's zone. */
export function toOrderView(row: OrderViewSource): OrderView {
  const zone = row.customer_time_zone;
  return {
    orderId: row.order_id,
    status: row.status,
    reason: row.reason,
    customerId: row.customer_id,
    customerName: row.customer_name,
    customerTimeZone: zone,
    productId: row.product_id,
    payment: {
      method: row.payment_method,
      amount: formatStoredAmount(row.amount, row.currency),
      currency: row.currency,
    },
    placedAt: row.placed_at.toISOString(),
    placedAtLocal: formatLocal(row.placed_at, zone),
    processingAt: row.processing_at.toISOString(),
    processingAtLocal: formatLocal(row.processing_at, zone),
    processingAtHistory: processingAtHistory(row).map((entry) => ({
      ...entry,
      processingAtLocal: formatLocal(new Date(entry.processingAt), zone),
    })),
    confirmedAt: row.confirmed_at === null ? null : row.confirmed_at.toISOString(),
    confirmedAtLocal: row.confirmed_at === null ? null : formatLocal(row.confirmed_at, zone),
    reply: row.reply,
    confirmationMessageId: row.confirmation_message_id,
  };
}

/**
 * Every processing time the customer was told, oldest first: the one announced when the
 * order was placed, then one per move of the business calendar.
 */
function processingAtHistory(row: OrderViewSource): ProcessingAtChange[] {
  if (row.processing_at_history)
    return JSON.parse(row.processing_at_history) as ProcessingAtChange[];
  return [
    {
      processingAt: row.processing_at.toISOString(),
      changedAt: row.placed_at.toISOString(),
      reason: 'PLACED',
    },
  ];
}
