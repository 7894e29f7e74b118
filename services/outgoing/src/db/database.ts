import type { EventOutboxTable } from '@screenmagic/service-kit';
import type { BroadcastTable } from './broadcast.table.ts';
import type { DispatchBatchTable } from './dispatch-batch.table.ts';
import type { CustomerReplicaStateTable, CustomerReplicaTable } from './customer-replica.table.ts';
import type { DispatchRateTable } from './dispatch-rate.table.ts';
import type { IdempotencyKeyTable } from './idempotency-key.table.ts';
import type { MessageEventTable } from './message-event.table.ts';
import type { MessageTable } from './message.table.ts';

/** The outgoing service's own database (`<prefix>outgoing`). */
export interface Database {
  broadcast: BroadcastTable;
  message: MessageTable;
  message_event: MessageEventTable;
  idempotency_key: IdempotencyKeyTable;
  dispatch_rate: DispatchRateTable;
  dispatch_batch: DispatchBatchTable;
  event_outbox: EventOutboxTable;
  customer_replica: CustomerReplicaTable;
  customer_replica_state: CustomerReplicaStateTable;
}
