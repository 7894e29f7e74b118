import { type Kysely, sql } from 'kysely';

/**
 * SPEC §6: a customer's marketing consent (customers registered before it existed keep
 * the documented default, consent given), and `phone_key` — the phone reduced to `+` and
 * digits, what an inbound message's `from` is matched against — with an index, so the
 * match is one index lookup. Not unique: two customers may share a phone (a household);
 * an opt-out from it applies to each of them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE customer
    ADD COLUMN marketing_consent boolean NOT NULL DEFAULT true,
    ADD COLUMN phone_key varchar(16) NULL,
    ADD INDEX idx_customer_phone_key (phone_key)`.execute(db);
  // Phones are stored in E.164 (+ and digits only), so their key is the phone itself.
  await sql`UPDATE customer SET phone_key = phone WHERE phone IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE customer
    DROP INDEX idx_customer_phone_key,
    DROP COLUMN phone_key,
    DROP COLUMN marketing_consent`.execute(db);
}
