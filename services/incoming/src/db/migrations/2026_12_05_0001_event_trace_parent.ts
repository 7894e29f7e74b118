import { addEventTraceParent, dropEventTraceParent } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';

/**
 * `event_outbox.trace_parent`: the trace each event's POST continues (SPEC §8, the
 * traceparent reaches the events webhooks). Events already queued keep none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addEventTraceParent(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropEventTraceParent(db);
}
