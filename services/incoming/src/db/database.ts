import type { EventOutboxTable } from '@screenmagic/service-kit';
import type { CustomerOrderTable } from './customer-order.table.ts';
import type { InboundMessageTable } from './inbound-message.table.ts';
import type {
  ConfirmationOutboxTable,
  OrderUpdateOutboxTable,
  PendingOrderTable,
} from './work-queue.table.ts';

/** The incoming service's own database (`<prefix>incoming`). */
export interface Database {
  customer_order: CustomerOrderTable;
  pending_order: PendingOrderTable;
  confirmation_outbox: ConfirmationOutboxTable;
  order_update_outbox: OrderUpdateOutboxTable;
  inbound_message: InboundMessageTable;
  /** Order status events for EVENTS_WEBHOOK_URL (SPEC §7). */
  event_outbox: EventOutboxTable;
}

/** The two queues the worker drains. */
export type QueueName = 'pending_order' | 'confirmation_outbox';
