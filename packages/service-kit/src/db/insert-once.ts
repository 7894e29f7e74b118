import { isDeadlock, isDuplicateKey } from './database-errors.ts';

/** Attempts of an insert chosen as a deadlock victim (InnoDB rolled it back: safe to repeat). */
const DEADLOCK_ATTEMPTS = 3;

/** How an {@link insertOnce} ended: this call's row, or the row that won the key. */
export type InsertOnceResult<W> =
  { readonly inserted: true } | { readonly inserted: false; readonly winner: W };

/**
 * "Insert once, on duplicate key read the winner": runs `insert`; when a unique key
 * (`key`, or any) already holds the value — a concurrent twin committed first — answers
 * with `readWinner()` instead. The database decides the race, so two concurrent callers
 * never both insert. A duplicate whose winner cannot be read (deleted meanwhile) rethrows
 * the duplicate-key error. An insert InnoDB chose as a deadlock victim (a worker's batch
 * touching the same index ranges at that instant) was rolled back whole, so it is run again,
 * up to {@link DEADLOCK_ATTEMPTS} times, instead of answering a 500.
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
    for (let attempt = 1; ; attempt++) {
      try {
        await insert();
        return { inserted: true };
      } catch (error) {
        if (!isDeadlock(error) || attempt >= DEADLOCK_ATTEMPTS) throw error;
      }
    }
  } catch (error) {
    if (!isDuplicateKey(error, options.key)) throw error;
    const winner = await readWinner();
    if (winner === undefined) throw error;
    return { inserted: false, winner };
  }
}
