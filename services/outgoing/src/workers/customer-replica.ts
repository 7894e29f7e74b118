import { DependencyUnavailableError, PollLoop, withTimeout } from '@screenmagic/service-kit';
import type { CustomerDirectory } from '@screenmagic/service-kit/contracts';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { readReplicaCursor, replicaCustomersByIds } from '../db/customer-replica-repository.ts';
import type { Database } from '../db/database.ts';
import {
  mayRestOnHead,
  type ReplicaFreshness,
  replicaFreshness,
} from '../domain/replica-freshness.ts';
import { fillReplica, followFeed } from './replica-pages.ts';
import type { ReplicaProof, ReplicaRead } from './replica-read.ts';

export interface CustomerReplicaOptions {
  readonly db: Kysely<Database>;
  readonly directory: CustomerDirectory;
  /** REPLICA_MAX_STALENESS_MS: past this without reaching the feed's end, nothing is sent. */
  readonly maxStalenessMs: number;
  /** REPLICA_POLL_INTERVAL_MS: how often the feed is asked. */
  readonly pollIntervalMs: number;
  /**
   * A monotonic clock in ms (real time even under the test clock: staleness is real), on
   * `performance.now()`'s scale: the calendar watch's `askedAt` ({@link headSeen}) is one.
   */
  readonly elapsed?: () => number;
  /** Called when dispatch may go again: the first fill finished, or a catch-up after a clock set. */
  readonly onCaughtUp?: () => void;
  /** Entries per page of the feed and of the fill. */
  readonly pageSize?: number;
  readonly logger?: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'> | undefined;
}

/**
 * The outgoing service's replica of the customers (docs/decisions.md, "The outgoing
 * service's customer replica"): `customer_replica` in its own database, kept by pulling the
 * customer service's change feed after the cursor stored with it. An empty replica is
 * first filled by walking every customer (the snapshot), from the change head read before
 * the walk. Dispatch reads it with one primary-key query per batch ({@link byIds}) and
 * never calls the customer service — but only while the replica can prove it is fresh:
 * filled, and caught up with the feed within `maxStalenessMs`. Otherwise `byIds` throws
 * {@link DependencyUnavailableError} and the batch is given back, nothing sent; a read
 * that stops proving itself while its batch runs ({@link stillProves}) sends no more.
 */
export class CustomerReplica {
  readonly #options: CustomerReplicaOptions;
  readonly #loop: PollLoop;
  readonly #elapsed: () => number;
  #filled = false;
  #caughtUpAt: number | undefined;
  /** Bumped by every test clock set; a poll proves freshness only for the one it began in. */
  #generation = 0;
  #caughtUpGeneration = 0;
  /** Where this process last saw the stored cursor (read or saved): the stored one is never behind it. */
  #cursor: string | undefined;
  /** The change head the calendar watch last reported ({@link headSeen}). */
  #head: string | undefined;
  /** When a poll last asked the feed itself (monotonic ms). */
  #feedAskedAt = Number.NEGATIVE_INFINITY;
  /**
   * Catch-ups that must ask the feed (sync, a rested read), numbered: `#askServed` is the
   * newest one a poll has begun for. A poll of the loop's own queued behind a catch-up's
   * finds it served and may rest on the proof that poll just made.
   */
  #askWanted = 0;
  #askServed = 0;
  /** A read met a recipient the replica has not heard of: the next poll asks the feed. */
  #recipientUnknown = false;
  /** When dispatch last read the replica (monotonic ms): nobody reading for 10 s, it rests. */
  #readAt = Number.NEGATIVE_INFINITY;

  constructor(options: CustomerReplicaOptions) {
    this.#options = options;
    this.#elapsed = options.elapsed ?? (() => performance.now());
    this.#loop = new PollLoop({
      name: 'customer-replica',
      runBatch: () => this.#poll(),
      pollIntervalMs: options.pollIntervalMs,
      errorDelayMs: options.pollIntervalMs,
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }

  start(): void {
    this.#loop.start();
  }

  stop(): Promise<void> {
    return this.#loop.stop();
  }

  /** Whether the first fill finished (this process has seen the cursor). */
  get isFilled(): boolean {
    return this.#filled;
  }

  /**
   * The test clock jumped (`POST /internal/test/clock`): a jump is longer than any bound, so
   * what the replica had is unproven until a poll begun after it reaches the feed's end —
   * a change the test made just before must not be judged by older values. The dispatcher
   * waits for that ({@link awaitingCatchUp}) instead of deferring batches.
   */
  clockMoved(): void {
    this.#generation++;
    this.#head = undefined;
    this.#caughtUpAt = undefined;
    this.#loop.wake();
  }

  /** True from a test clock set until a poll begun after it reached the feed's end (or failed in `sync`). */
  get awaitingCatchUp(): boolean {
    return this.#caughtUpGeneration !== this.#generation;
  }

  /** Whether dispatch may trust the replica now, or why not (`domain/replica-freshness`). */
  freshness(): ReplicaFreshness {
    return replicaFreshness({
      filled: this.#filled,
      caughtUpAt: this.#caughtUpAt,
      now: this.#elapsed(),
      maxStalenessMs: this.#options.maxStalenessMs,
    });
  }

  /**
   * The customer service published `seq` as the head of its change feed, read no earlier
   * than `askedAt` (monotonic ms) — by the calendar watch, answered as soon as the head
   * moves. A head beyond this replica makes it poll now; at its cursor, every change
   * committed before `askedAt` is in it: it is proven fresh as of then (`mayRestOnHead`).
   */
  headSeen(seq: string, askedAt: number): void {
    this.#head = seq;
    if (!this.#filled || this.awaitingCatchUp || this.#cursor === undefined) return;
    if (seq !== this.#cursor) {
      this.#loop.wake();
      return;
    }
    if (this.#caughtUpAt === undefined || askedAt > this.#caughtUpAt) this.#caughtUpAt = askedAt;
  }

  /**
   * Catches up with the feed now (the test clock calls it before running due work). A
   * failure leaves the replica unproven until the next poll that reaches the feed's end:
   * the caller asked for the latest and must not act on what it had. Errors propagate.
   */
  async sync(): Promise<void> {
    try {
      await this.#askFeed();
    } catch (error) {
      this.#caughtUpAt = undefined;
      // The caller runs its due work now: batches are deferred (unproven), not held.
      this.#caughtUpGeneration = this.#generation;
      throw error;
    }
  }

  /**
   * The live customers among `ids`, from the replica (one primary-key query); an id absent
   * from the result was deleted (the replica holds its tombstone). A replica that cannot
   * prove itself (it rested: nobody read it for 10 s) asks the feed first — a call that
   * does not hang the batch: it is waited for at most one poll interval (the customer
   * service hung), then the replica is found still unproven.
   *
   * @throws {DependencyUnavailableError} when the replica cannot prove it is fresh, or has
   *   not heard of one of `ids` yet (a customer created since its last poll: not deleted,
   *   not known — the batch waits for the next poll, which this one asks for at once).
   */
  async byIds(ids: readonly string[]): Promise<ReplicaRead> {
    this.#readAt = this.#elapsed();
    if (this.#filled && !this.awaitingCatchUp && !this.freshness().fresh) {
      await withTimeout(this.#askFeed(), this.#options.pollIntervalMs).catch(() => 0);
    }
    // Taken before the read: the rows read hold at least every change this proves.
    const proof = { generation: this.#generation, caughtUpAt: this.#caughtUpAt ?? 0 };
    const freshness = this.freshness();
    if (!freshness.fresh) {
      throw new DependencyUnavailableError(
        'customer',
        freshness.reason === 'NOT_FILLED'
          ? 'The customer replica is still being filled from the customer service'
          : `The customer replica has not reached the customer service's change feed for ${
              freshness.ageMs === null ? 'ever' : `${Math.round(freshness.ageMs)} ms`
            } (bound ${this.#options.maxStalenessMs} ms)`,
      );
    }
    const { live, deleted } = await replicaCustomersByIds(this.#options.db, ids);
    const unknown = ids.length - live.size - deleted.size;
    if (unknown > 0) {
      this.#recipientUnknown = true;
      this.#loop.wake();
      throw new DependencyUnavailableError(
        'customer',
        `${unknown} recipients are not in the customer replica yet (created since its last poll)`,
      );
    }
    return { customers: live, proof };
  }

  /**
   * Whether a read may still be acted on now: no test clock set since it was made (a jump
   * longer than any bound), and the feed's end it rests on reached within the bound — a
   * batch whose deliveries outlast the bound must not send on what it read at its start
   * (SPEC §4: a change takes effect within 5 s). A cheap check, made before every attempt.
   */
  stillProves(proof: ReplicaProof): boolean {
    return (
      proof.generation === this.#generation &&
      this.#elapsed() - proof.caughtUpAt <= this.#options.maxStalenessMs
    );
  }

  /**
   * A new read of `ids` for a batch whose read `lapsed` by age alone (its deliveries outlasted
   * the bound): like every read, it first catches up with the feed if the replica cannot
   * prove itself now (waiting at most one poll interval) — the batch goes on with its
   * customers' current records instead of giving its tail back to be claimed anew.
   * Undefined when a test clock was set since the lapsed read (the run after a set reads
   * anew), when the feed does not answer, or when the read fails: the batch then gives the
   * rest back, untouched, as before.
   */
  async reread(ids: readonly string[], lapsed: ReplicaProof): Promise<ReplicaRead | undefined> {
    if (lapsed.generation !== this.#generation) return undefined;
    try {
      const read = await this.byIds(ids);
      return read.proof.generation === lapsed.generation ? read : undefined;
    } catch (error) {
      this.#options.logger?.debug(
        { err: error },
        'a lapsed batch could not read its customers again',
      );
      return undefined;
    }
  }

  /** Polls until the feed's end, asking the feed itself (not proven by the calendar's head). */
  #askFeed(): Promise<number> {
    this.#askWanted++;
    return this.#loop.drain();
  }

  /** One poll: fill if empty, then apply every page of changes; returns how many applied. */
  async #poll(): Promise<number> {
    const rest = mayRestOnHead({
      nobodyWaits: this.#askServed === this.#askWanted && !this.#recipientUnknown,
      settled: this.#filled && !this.awaitingCatchUp,
      cursor: this.#cursor,
      head: this.#head,
      caughtUpAt: this.#caughtUpAt,
      feedAskedAt: this.#feedAskedAt,
      readAt: this.#readAt,
      now: this.#elapsed(),
      pollIntervalMs: this.#options.pollIntervalMs,
      maxStalenessMs: this.#options.maxStalenessMs,
    });
    if (rest) return 0;
    // An unknown recipient's wake, and every catch-up asked for so far, are answered by this poll.
    this.#recipientUnknown = false;
    this.#askServed = this.#askWanted;
    const { db, directory, logger } = this.#options;
    const pages = { db, directory, pageSize: this.#options.pageSize ?? 1_000 };
    // Everything committed before this instant is in the pages read below.
    const started = this.#elapsed();
    this.#feedAskedAt = started;
    const generation = this.#generation;
    let cursor = await readReplicaCursor(db);
    let applied = 0;
    if (cursor === undefined) {
      const filled = await fillReplica(pages);
      logger?.info(
        {
          customers: filled.entries,
          headSeq: filled.headSeq,
          ms: Math.round(this.#elapsed() - started),
        },
        'customer replica filled',
      );
      cursor = filled.headSeq;
      applied += filled.entries;
    }
    applied += await followFeed(pages, cursor, (reached) => {
      this.#cursor = reached;
    });
    // A test clock set while this poll ran: it proves nothing for the new instant, poll again.
    if (generation !== this.#generation) {
      this.#filled = true;
      return applied + 1;
    }
    const wasWaiting = !this.#filled || this.awaitingCatchUp;
    this.#filled = true;
    this.#caughtUpAt = started;
    this.#caughtUpGeneration = generation;
    // Work that arrived while dispatch waited (a wake it could not act on) goes now.
    if (wasWaiting) this.#options.onCaughtUp?.();
    return applied;
  }
}
