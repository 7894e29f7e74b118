import { createEventOutbox, dropEventOutbox } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';

/**
 * The outbox of order status events (SPEC §7): written in the transaction of each order
 * change when `EVENTS_WEBHOOK_URL` is set, sent by the kit's EventPublisher.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createEventOutbox(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropEventOutbox(db);
}
