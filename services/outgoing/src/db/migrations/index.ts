import type { Migration } from 'kysely/migration';
import * as createOutgoing from './2026_11_27_0001_create_outgoing.ts';
import * as queueStatusIndex from './2026_12_04_0001_queue_status_index.ts';
import * as traceParent from './2026_12_04_0002_trace_parent.ts';
import * as replan from './2026_12_04_0003_replan.ts';
import * as messageHistory from './2026_12_04_0004_message_history.ts';
import * as eventOutbox from './2026_12_04_0005_event_outbox.ts';
import * as consent from './2026_12_04_0101_consent.ts';
import * as customerReplica from './2026_12_04_0200_customer_replica.ts';
import * as dispatchBatch from './2026_12_04_0210_dispatch_batch.ts';
import * as eventTraceParent from './2026_12_05_0001_event_trace_parent.ts';

/** Every migration by name, applied in name order. */
export const migrations: Readonly<Record<string, Migration>> = Object.freeze({
  '2026_11_27_0001_create_outgoing': createOutgoing,
  '2026_12_04_0001_queue_status_index': queueStatusIndex,
  '2026_12_04_0002_trace_parent': traceParent,
  '2026_12_04_0003_replan': replan,
  '2026_12_04_0004_message_history': messageHistory,
  '2026_12_04_0005_event_outbox': eventOutbox,
  '2026_12_04_0101_consent': consent,
  '2026_12_04_0200_customer_replica': customerReplica,
  '2026_12_04_0210_dispatch_batch': dispatchBatch,
  '2026_12_05_0001_event_trace_parent': eventTraceParent,
});
