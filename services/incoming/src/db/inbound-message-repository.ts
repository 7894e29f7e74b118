import type { Insertable, Kysely } from 'kysely';
import type { Database } from './database.ts';
import type { InboundMessageTable } from './inbound-message.table.ts';

/** Stores an inbound message with what was done about it. */
export async function insertInboundMessage(
  db: Kysely<Database>,
  row: Insertable<InboundMessageTable>,
): Promise<void> {
  await db.insertInto('inbound_message').values(row).execute();
}
