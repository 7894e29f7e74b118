import {
  type ExpressionBuilder,
  type Kysely,
  type Selectable,
  sql,
  type Transaction,
  type UpdateObject,
} from 'kysely';
import { databaseNow } from './database-now.ts';

/**
 * The columns every work-queue table has (graphile-worker's shape): a row is due at
 * `due_at` (NULL: not queued), claimed by one worker (`locked_by`, `locked_at` on the
 * database's clock) and counts its `attempts`.
 */
export interface QueueColumns {
  due_at: unknown;
  attempts: unknown;
  locked_by: unknown;
  locked_at: unknown;
}

/** A table of `DB` that has the queue columns, and its string primary key. */
export interface WorkQueueTable<DB, T extends QueueTableName<DB>> {
  readonly table: T;
  readonly key: keyof DB[T] & string;
}

/** Names of the tables of `DB` that can be a work queue. */
export type QueueTableName<DB> = {
  [K in keyof DB & string]: DB[K] extends QueueColumns ? K : never;
}[keyof DB & string];

/** What to set on a row as well, typed for the table (a value object or an `eb` factory). */
export type QueueUpdate<DB, T extends keyof DB> =
  UpdateObject<DB, T> | ((eb: ExpressionBuilder<DB, T>) => UpdateObject<DB, T>);

/** A claimed row: the selected columns, with `attempts` counting this claim. */
export type Claimed<DB, T extends keyof DB, C extends keyof Selectable<DB[T]>> = Pick<
  Selectable<DB[T]>,
  C
> & {
  readonly attempts: number;
};

export interface ClaimOptions<DB, T extends keyof DB, C extends keyof Selectable<DB[T]>> {
  /** Stamped in `locked_by`: only this owner may finish, release or renew the claims. */
  readonly owner: string;
  /** The caller's clock: rows with `due_at <= now` are due. */
  readonly now: Date;
  readonly limit: number;
  /** Columns to return (the key and `attempts` come with them). */
  readonly columns: readonly C[];
  /** Also claim rows whose lease expired this long ago (their holder died). */
  readonly leaseMs?: number;
  /** Set on the claimed rows as well (a status, …). */
  readonly set?: QueueUpdate<DB, T>;
}

/** The canonical shape every queue is run as inside this module (names mapped at its edge). */
interface QueueDb {
  queue: {
    key: string;
    due_at: Date | null;
    attempts: number;
    locked_by: string | null;
    locked_at: Date | null;
  };
}

/**
 * One durable work queue in a MySQL/MariaDB table (graphile-worker's design): claims with
 * `SELECT … FOR UPDATE SKIP LOCKED` in one transaction, leases on the database's clock
 * (`UTC_TIMESTAMP(3)`: replicas whose clocks differ, and a frozen test clock, agree on
 * when a lease has expired), heartbeats renew the leases while work runs, and every
 * completion, failure or release is conditional on `locked_by` still being the caller.
 * What is *due* is decided by the caller's clock (`now`), so tests control it.
 *
 * Runs the same SQL on MySQL 8.4 and MariaDB 10.11 (both have SKIP LOCKED and
 * `UTC_TIMESTAMP(3)`).
 */
export class WorkQueue<DB, T extends QueueTableName<DB>> {
  readonly table: T;
  readonly #key: 'key';

  constructor(table: WorkQueueTable<DB, T>) {
    this.table = table.table;
    // The key column's real name, typed as the canonical one.
    this.#key = table.key as 'key';
  }

  /**
   * {@link claimIn} in a transaction of its own, at READ COMMITTED: at REPEATABLE READ a
   * claim's UPDATE that the optimizer runs as a scan (a small table) keeps every row it
   * looked at locked until commit, so a concurrent claimer finds nothing to skip to.
   */
  claim<C extends keyof Selectable<DB[T]> & string>(
    db: Kysely<DB>,
    options: ClaimOptions<DB, T, C>,
  ): Promise<Claimed<DB, T, C>[]> {
    return db
      .transaction()
      .setIsolationLevel('read committed')
      .execute((trx) => this.claimIn(trx, options));
  }

  /**
   * Whether {@link claimIn} would find a row now (due at `now`, nobody holds it or its lease
   * expired `leaseMs` ago): one plain indexed read, outside any transaction and taking no
   * lock. An idle worker asks this before opening a claim's transaction, so an empty queue
   * costs one statement per poll instead of four (isolation level, BEGIN, the locking
   * SELECT, COMMIT). A row committed just after the answer waits for the next poll or a
   * wake, as it would after a claim that ran a moment earlier.
   */
  async anyClaimable(
    db: Kysely<DB>,
    options: { readonly now: Date; readonly leaseMs?: number },
  ): Promise<boolean> {
    const leaseMs = options.leaseMs;
    const row = await this.#canonical(db)
      .selectFrom(this.#table)
      .select(this.#key)
      .where('due_at', '<=', options.now)
      .where((eb) =>
        leaseMs === undefined
          ? eb('locked_by', 'is', null)
          : eb.or([eb('locked_by', 'is', null), eb('locked_at', '<', leaseStart(leaseMs))]),
      )
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Claims, inside the caller's transaction (run it at READ COMMITTED, see {@link claim}),
   * up to `limit` rows due at `now` (the caller's clock) that nobody holds, in due order, skipping rows other claimers are locking right now; then, in the same
   * transaction, stamps them `attempts + 1, locked_by = owner, locked_at = the database's
   * now` (plus `set`). With `leaseMs`, rows whose lease expired that long ago (on the
   * database's clock) are claimed too, so a dead holder's rows are picked up at the next
   * poll after expiry instead of after the next sweep. Returns the rows as selected, with
   * the new `attempts`.
   */
  async claimIn<C extends keyof Selectable<DB[T]> & string>(
    trx: Transaction<DB>,
    options: ClaimOptions<DB, T, C>,
  ): Promise<Claimed<DB, T, C>[]> {
    if (options.limit <= 0) return [];
    const db = this.#canonical(trx);
    const leaseMs = options.leaseMs;
    const rows = (await db
      .selectFrom(this.#table)
      .select([...(options.columns as unknown as 'key'[]), 'attempts', this.#key])
      .where('due_at', '<=', options.now)
      .where((eb) =>
        leaseMs === undefined
          ? eb('locked_by', 'is', null)
          : eb.or([eb('locked_by', 'is', null), eb('locked_at', '<', leaseStart(leaseMs))]),
      )
      .orderBy('due_at')
      .limit(options.limit)
      .forUpdate()
      .skipLocked()
      .execute()) as unknown as (Record<string, unknown> & { attempts: number })[];
    if (rows.length === 0) return [];
    let update = db.updateTable(this.#table);
    if (options.set !== undefined) update = update.set(options.set as never);
    await update
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        locked_by: options.owner,
        locked_at: databaseNow(),
      }))
      .where(
        this.#key,
        'in',
        rows.map((row) => row[this.#key] as string),
      )
      .execute();
    return rows.map((row) => ({ ...row, attempts: Number(row.attempts) + 1 })) as Claimed<
      DB,
      T,
      C
    >[];
  }

  /**
   * Renews the leases `owner` still holds on `keys` (a heartbeat: work that outlasts a
   * lease must not look dead to the other workers). Returns how many it renewed.
   */
  async renew(db: Kysely<DB>, owner: string, keys: readonly string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const result = await this.#canonical(db)
      .updateTable(this.#table)
      .set({ locked_at: databaseNow() })
      .where(this.#key, 'in', keys)
      .where('locked_by', '=', owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * Ends `owner`'s claims on `keys` with `set` (delivered, failed with a retry time, …):
   * only rows it still holds change, so a row whose lease expired and was taken by
   * another worker is that worker's to finish. Returns how many changed.
   */
  async finish(
    db: Kysely<DB>,
    owner: string,
    keys: readonly string[],
    set: QueueUpdate<DB, T>,
  ): Promise<number> {
    if (keys.length === 0) return 0;
    const result = await this.#canonical(db)
      .updateTable(this.#table)
      .set(set as never)
      .set({ locked_by: null, locked_at: null })
      .where(this.#key, 'in', keys)
      .where('locked_by', '=', owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * Gives `owner`'s claims on `keys` back untouched (still due as before), the claim's
   * attempt given back: the work was never started. Returns how many.
   */
  async release(db: Kysely<DB>, owner: string, keys: readonly string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const result = await this.#canonical(db)
      .updateTable(this.#table)
      .set((eb) => ({ attempts: eb('attempts', '-', 1), locked_by: null, locked_at: null }))
      .where(this.#key, 'in', keys)
      .where('locked_by', '=', owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * Completes by deleting: locks the rows among `keys` that `owner` still holds, deletes
   * them and returns their keys — only those are the caller's to complete.
   */
  async remove(trx: Transaction<DB>, owner: string, keys: readonly string[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const db = this.#canonical(trx);
    const held = await db
      .selectFrom(this.#table)
      .select(this.#key)
      .where(this.#key, 'in', keys)
      .where('locked_by', '=', owner)
      .forUpdate()
      .execute();
    const ids = held.map((row) => row[this.#key]);
    if (ids.length > 0) await db.deleteFrom(this.#table).where(this.#key, 'in', ids).execute();
    return ids;
  }

  /**
   * The stale-claim sweep: releases claims whose lease (renewed by heartbeats) expired
   * more than `leaseMs` ago on the database's clock — their worker died or hung. The
   * rows are due again as they were; the attempt the dead claim counted stays counted,
   * since it may have had effects. Only queued rows (`due_at IS NOT NULL`) are looked at.
   * Returns how many.
   */
  async releaseExpired(db: Kysely<DB>, leaseMs: number): Promise<number> {
    const result = await this.#canonical(db)
      .updateTable(this.#table)
      .set({ locked_by: null, locked_at: null })
      .where('due_at', 'is not', null)
      .where('locked_by', 'is not', null)
      .where('locked_at', '<', leaseStart(leaseMs))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  get #table(): 'queue' {
    return this.table as unknown as 'queue';
  }

  #canonical(db: Kysely<DB>): Kysely<QueueDb> {
    return db as unknown as Kysely<QueueDb>;
  }
}

/** The oldest `locked_at` a live lease can have: the database's now minus the lease. */
function leaseStart(leaseMs: number) {
  return sql<Date>`UTC_TIMESTAMP(3) - INTERVAL ${Math.round(leaseMs) * 1000} MICROSECOND`;
}
