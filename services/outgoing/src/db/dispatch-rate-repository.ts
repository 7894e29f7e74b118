import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.ts';

export interface DispatchTokens {
  /** How many deliveries this claim may start in the current second. */
  readonly granted: number;
  /** Real milliseconds until the next second begins (when granted is 0, wait this long). */
  readonly msToNextSecond: number;
  /** Gives back tokens the claim did not use (fewer messages were due). */
  readonly giveBack: (unused: number) => Promise<void>;
}

/**
 * Takes up to `wanted` delivery tokens from the per-second budget shared by every
 * replica (`DISPATCH_RATE_PER_SECOND`), in the claim's transaction. The second is the
 * database server's real time, not the test clock, so a drain under a frozen clock still
 * moves on. The counter row stays locked until the claim commits, so replicas take
 * tokens one after another.
 */
export async function takeDispatchTokens(
  trx: Transaction<Database>,
  ratePerSecond: number,
  wanted: number,
): Promise<DispatchTokens> {
  const now = await sql<{ t: string }>`SELECT UNIX_TIMESTAMP(NOW(3)) AS t`.execute(trx);
  const epochMs = Math.round(Number(now.rows[0]?.t ?? 0) * 1000);
  const second = Math.floor(epochMs / 1000);
  const msToNextSecond = 1000 - (epochMs % 1000);
  await sql`INSERT INTO dispatch_rate (epoch_second, used) VALUES (${second}, 0)
            ON DUPLICATE KEY UPDATE used = used`.execute(trx);
  const row = await trx
    .selectFrom('dispatch_rate')
    .select('used')
    .where('epoch_second', '=', second)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const granted = Math.max(0, Math.min(wanted, ratePerSecond - row.used));
  if (granted > 0) {
    await trx
      .updateTable('dispatch_rate')
      .set((eb) => ({ used: eb('used', '+', granted) }))
      .where('epoch_second', '=', second)
      .execute();
  }
  return {
    granted,
    msToNextSecond,
    giveBack: async (unused) => {
      if (unused <= 0) return;
      await trx
        .updateTable('dispatch_rate')
        .set((eb) => ({ used: eb('used', '-', unused) }))
        .where('epoch_second', '=', second)
        .execute();
    },
  };
}

/** Deletes counters of seconds more than a minute old. */
export async function pruneDispatchRate(db: Kysely<Database>): Promise<void> {
  await sql`DELETE FROM dispatch_rate WHERE epoch_second < UNIX_TIMESTAMP() - 60`.execute(db);
}
