import { newWorkerId, PollLoop, toError } from '@screenmagic/service-kit';
import { pruneDispatchRate } from '../db/dispatch-rate-repository.ts';
import { releaseStaleLocks } from '../db/message-queue.ts';
import type { BatchContext } from './batch-context.ts';
import { DispatchDeferredError } from './dispatch-candidates.ts';
import { type DispatchCounts, emptyCounts } from './dispatch-counts.ts';
import { DeliverySlots } from './delivery-slots.ts';
import { IdleQueueMemo } from './idle-queue-memo.ts';
import { RateDeferrals } from './rate-deferrals.ts';
import { runBatch as runOneBatch } from './run-batch.ts';
import { TestClockReport } from './test-clock-report.ts';

export interface DispatcherOptions extends Omit<
  BatchContext,
  'slots' | 'isStopping' | 'rateDeferrals' | 'idleQueue'
> {
  /** Whether the database is migrated (batches wait until it is). */
  readonly isReady: () => boolean;
  /** Identifies this process in `dispatch_batch.owner`; a random one by default. */
  readonly instanceId?: string;
}

/**
 * The dispatcher's lifecycle: `workers` claim loops (graphile-worker's shape, in MySQL)
 * that each run batches ({@link runOneBatch}: claim due messages, re-check each against
 * its recipient's current delivery window, deliver through the channel, record the
 * outcome), plus a timer that releases stale claims. Safe with any number of replicas:
 * claims use `FOR UPDATE SKIP LOCKED`, each claimed batch holds one lease on the
 * database's clock, and every completion is conditional on the message still pointing
 * to the worker's batch.
 */
export class Dispatcher {
  readonly #options: DispatcherOptions;
  readonly #context: BatchContext;
  readonly #loops: readonly PollLoop[];
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #report = new TestClockReport();
  readonly #idleQueue: IdleQueueMemo;
  #sweeper: NodeJS.Timeout | undefined;
  #started = false;
  #stopping = false;
  #wakeSeq = 0;

  constructor(options: DispatcherOptions) {
    this.#options = options;
    // Just under the interval: the next loop's poll after that asks the database again.
    this.#idleQueue = new IdleQueueMemo(options.config.pollIntervalMs * 0.9);
    this.#context = {
      ...options,
      idleQueue: this.#idleQueue,
      slots: new DeliverySlots(options.config.concurrency),
      rateDeferrals: new RateDeferrals(),
      isStopping: () => this.#stopping,
    };
    const instance = options.instanceId ?? newWorkerId();
    this.#loops = Array.from({ length: options.config.workers }, (_, i) => {
      const owner = `${instance}/${i}`;
      return new PollLoop({
        name: `dispatcher ${owner}`,
        runBatch: () => this.#track(this.runBatch(owner)),
        pollIntervalMs: options.config.pollIntervalMs,
        errorDelayMs: Math.max(1_000, options.config.pollIntervalMs * 2),
        ...(options.logger ? { logger: options.logger } : {}),
      });
    });
  }

  /** Starts the claim loops and the stale-lock sweeper. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#stopping = false;
    for (const loop of this.#loops) loop.start();
    // Claims already take over expired batches at the next poll; the sweep only reports
    // them, deletes the dead batches (and prunes the rate table), so once per lease is
    // enough: with a dead batch it reads every queued row, which a 100,000-message backlog
    // makes worth not doing every few seconds (with none, it reads the batch table only).
    const sweepEvery = Math.max(500, this.#options.config.lockTimeoutMs);
    this.#sweeper = setInterval(() => void this.#sweep(), sweepEvery);
    this.#sweeper.unref();
  }

  /** True from the start of `stop()`: no new claims or deliveries begin. */
  get isStopping(): boolean {
    return this.#stopping;
  }

  /** Messages are due now: claim them at once instead of at the next poll. */
  wake(): void {
    this.#wakeSeq++;
    this.#idleQueue.invalidate();
    for (const loop of this.#loops) loop.wake();
  }

  /**
   * Graceful stop: no new claims; a batch in flight finishes the deliveries it started
   * and gives the rest back to the queue.
   */
  async stop(): Promise<void> {
    this.#stopping = true;
    clearInterval(this.#sweeper);
    await Promise.all(this.#loops.map((loop) => loop.stop()));
    await Promise.allSettled([...this.#inFlight]);
    this.#started = false;
  }

  /**
   * The test clock's `run-due`: releases stale claims, then dispatches everything due at
   * the clock's instant until nothing is left (or the customer service cannot answer),
   * with the same rules as production. Answers what was dispatched since the clock was
   * set ({@link startReport}) or the previous report ({@link TestClockReport}).
   */
  runDue(): Promise<DispatchCounts> {
    return this.#report.run(() => this.#drain());
  }

  /** Starts a new report: the test clock was set, earlier work belongs to earlier instants. */
  startReport(): void {
    this.#idleQueue.invalidate();
    this.#report.restart();
  }

  async #drain(): Promise<void> {
    // Asked to run what is due: every poll asks the database, whatever another loop found.
    this.#idleQueue.invalidate();
    await releaseStaleLocks(this.#options.db);
    const [first] = this.#loops;
    for (;;) {
      let handled = 0;
      let deferred = false;
      try {
        handled = (await first?.drain()) ?? 0;
      } catch (error) {
        if (!(error instanceof DispatchDeferredError)) throw error;
        deferred = true;
      }
      // Other workers may still be finishing batches they claimed meanwhile.
      const others = [...this.#inFlight];
      await Promise.allSettled(others);
      if (deferred || (handled === 0 && others.length === 0)) break;
    }
  }

  #track<T>(promise: Promise<T>): Promise<T> {
    this.#inFlight.add(promise);
    const forget = (): void => void this.#inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  /**
   * One batch of one claim loop ({@link runOneBatch} in `run-batch.ts`); what it did goes into
   * the test clock's report. Returns how many messages it claimed (positive also when a
   * wake arrived meanwhile: more may be due).
   */
  async runBatch(owner: string): Promise<number> {
    if (!this.#options.isReady() || this.#stopping) return 0;
    const wakeSeq = this.#wakeSeq;
    const counts = emptyCounts();
    // Taken in the same synchronous step as the batch reads the clock (its first statement).
    const instant = this.#report.instant;
    try {
      const claimed = await runOneBatch(this.#context, owner, counts);
      // A wake that arrived while this claim ran may concern rows it could not yet see.
      return claimed > 0 || this.#wakeSeq === wakeSeq ? claimed : 1;
    } finally {
      this.#report.add(counts, instant);
    }
  }

  async #sweep(): Promise<void> {
    if (!this.#options.isReady() || this.#stopping) return;
    const { db, config, logger } = this.#options;
    try {
      const released = await releaseStaleLocks(db);
      if (released > 0) logger?.warn({ released }, 'released stale message claims');
      if (config.ratePerSecond !== undefined) await pruneDispatchRate(db);
      if (released > 0) this.wake();
    } catch (error) {
      logger?.error({ err: toError(error) }, 'stale-claim sweep failed');
    }
  }
}
