import type { Migration } from 'kysely/migration';
import * as createCustomerOrder from './2026_11_27_0001_create_customer_order.ts';
import * as createWorkQueues from './2026_11_27_0002_create_work_queues.ts';
import * as observability from './2026_12_04_0001_observability.ts';
import * as replan from './2026_12_04_0002_replan.ts';
import * as eventOutbox from './2026_12_04_0003_event_outbox.ts';
import * as inboundMessage from './2026_12_04_0101_inbound_message.ts';
import * as eventTraceParent from './2026_12_05_0001_event_trace_parent.ts';
import * as orderCorrections from './2026_12_05_0001_order_corrections.ts';

/** Every migration, by name (applied in name order). */
export const migrations: Readonly<Record<string, Migration>> = Object.freeze({
  '2026_11_27_0001_create_customer_order': createCustomerOrder,
  '2026_11_27_0002_create_work_queues': createWorkQueues,
  '2026_12_04_0001_observability': observability,
  '2026_12_04_0002_replan': replan,
  '2026_12_04_0003_event_outbox': eventOutbox,
  '2026_12_04_0101_inbound_message': inboundMessage,
  '2026_12_05_0001_event_trace_parent': eventTraceParent,
  '2026_12_05_0001_order_corrections': orderCorrections,
});
