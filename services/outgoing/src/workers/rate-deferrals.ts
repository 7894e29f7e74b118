import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { MessageHistory } from '../db/message-history-repository.ts';
import { deferHeldByRate } from '../db/message-outcome-repository.ts';

/** Messages marked per rate-limited poll: a backlog is covered a batch at a time. */
const PER_POLL = 1_000;

/**
 * Records, once per wait, that the rate cap holds due messages back. Each rate-limited
 * poll marks the next due messages not yet marked, starting where the previous poll
 * stopped (a process-local watermark: the scan never re-reads a marked backlog); when a
 * claim finds less than the cap allowed, nothing is held back and the watermark resets.
 */
export class RateDeferrals {
  #from: Date | null = null;

  /** The queue ran dry within the cap: nothing is held back now. */
  reset(): void {
    this.#from = null;
  }

  async record(db: Kysely<Database>, history: MessageHistory, now: Date): Promise<void> {
    const last = await deferHeldByRate(db, history, { now, from: this.#from, limit: PER_POLL });
    if (last !== null) this.#from = last;
  }
}
