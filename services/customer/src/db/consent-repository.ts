import type { Kysely } from 'kysely';
import type { Database } from './database.ts';

/** Sets a customer's marketing consent; false when there is no such customer. */
export async function setMarketingConsent(
  db: Kysely<Database>,
  id: string,
  marketing: boolean,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('customer')
    .set({ marketing_consent: marketing, updated_at: at })
    .where('id', '=', id)
    .executeTakeFirst();
  // MySQL counts only changed rows: a no-op still found the customer.
  if (result.numUpdatedRows > 0n) return true;
  return (
    (await db.selectFrom('customer').select('id').where('id', '=', id).executeTakeFirst()) !==
    undefined
  );
}
