import { isDuplicateKey } from './database-errors.ts';

/** How an {@link insertOnce} ended: this call's row, or the row that won the key. */
export type InsertOnceResult<W> =
  { readonly inserted: true } | { readonly inserted: false; readonly winner: W };

/**
 * "Insert once, on duplicate key read the winner": runs `insert`; when a unique key
 * (`key`, or any) already holds the value — a concurrent twin committed first — answers
 * with `readWinner()` instead. The database decides the race, so two concurrent callers
 * never both insert. A duplicate whose winner cannot be read (deleted meanwhile) rethrows
 * the duplicate-key error.
 *
 * @example
 * const result = await insertOnce(
 *   () => db.insertInto('message').values(row).execute(),
 *   () => findOrderConfirmation(db, orderId),
 * );
 * if (!result.inserted) return result.winner;
 */
export async function insertOnce<W>(
  insert: () => Promise<unknown>,
  readWinner: () => Promise<W | undefined>,
  options: { readonly key?: string } = {},
): Promise<InsertOnceResult<W>> {
  try {
    await insert();
    return { inserted: true };
  } catch (error) {
    if (!isDuplicateKey(error, options.key)) throw error;
    const winner = await readWinner();
    if (winner === undefined) throw error;
    return { inserted: false, winner };
  }
}
