import { type Kysely, sql } from 'kysely';

/**
 * SPEC §5–6: a broadcast's `category` (marketing by default: every broadcast before this
 * migration was one), its `suppressed` count and `sendAtLocal`; a message's `category`
 * (broadcast messages take their broadcast's, order confirmations and replies are
 * transactional), the customer-local day it is planned for (what `MARKETING_CAP_PER_DAY`
 * counts) and, for a reply, the inbound message it answers (unique per kind, so a reply is
 * created once). `(customer_id, local_day)` serves the cap's count and an opt-out's
 * suppression of the customer's queued marketing messages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE broadcast
    ADD COLUMN category varchar(16) NOT NULL DEFAULT 'marketing',
    ADD COLUMN suppressed integer NOT NULL DEFAULT 0,
    ADD COLUMN send_at_local varchar(64) NULL`.execute(db);
  await sql`ALTER TABLE message
    ADD COLUMN category varchar(16) NOT NULL DEFAULT 'transactional',
    ADD COLUMN local_day char(10) NULL,
    ADD COLUMN inbound_message_id varchar(32) NULL,
    ADD INDEX idx_message_customer_day (customer_id, local_day),
    ADD UNIQUE INDEX uq_message_inbound (kind, inbound_message_id)`.execute(db);
  await sql`UPDATE message SET category = 'marketing' WHERE kind = 'broadcast'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE message
    DROP INDEX uq_message_inbound,
    DROP INDEX idx_message_customer_day,
    DROP COLUMN inbound_message_id,
    DROP COLUMN local_day,
    DROP COLUMN category`.execute(db);
  await sql`ALTER TABLE broadcast
    DROP COLUMN send_at_local,
    DROP COLUMN suppressed,
    DROP COLUMN category`.execute(db);
}
