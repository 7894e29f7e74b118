import type { Logger } from 'pino';
import { logBatchFailure } from './batch-failure.ts';
import { gridSleep } from './interval-grid.ts';

export interface PollLoopOptions {
  readonly name: string;
  /**
   * One batch of work: returns how many items it handled. A non-zero count runs the next
   * batch at once; zero waits for the poll interval (or a `wake()`).
   */
  readonly runBatch: () => Promise<number>;
  readonly pollIntervalMs: number;
  /** Wait after a failed batch (database down, …) before trying again. */
  readonly errorDelayMs?: number;
  readonly logger?: Pick<Logger, 'error' | 'warn' | 'debug'>;
}

/**
 * A background worker loop in the graphile-worker style: batch after batch while there
 * is work, a poll interval when there is none, a delay after errors, `wake()` for work
 * that is due now, and a `stop()` that lets the batch in flight finish. Batches never
 * overlap within a process: `drain()` (the test clock) queues behind the loop's batch.
 */
export class PollLoop {
  readonly #options: PollLoopOptions;
  #running = false;
  #wakeUp: (() => void) | undefined;
  #loop: Promise<void> | undefined;
  /** Serializes batches between the loop and drain(). */
  #lane: Promise<unknown> = Promise.resolve();

  constructor(options: PollLoopOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  /** Runs the next batch now instead of at the end of the poll interval. */
  wake(): void {
    this.#wakeUp?.();
  }

  /** Stops taking batches and waits for the one in flight. */
  async stop(): Promise<void> {
    this.#running = false;
    this.wake();
    await this.#loop;
    await this.#lane;
  }

  /**
   * Runs batches until one handles nothing; returns the total handled. Errors propagate
   * (the caller asked for the work to be done and must hear it was not).
   */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await this.#batch();
      total += handled;
      if (handled === 0) return total;
    }
  }

  #batch(): Promise<number> {
    const next = this.#lane.then(() => this.#options.runBatch());
    this.#lane = next.catch(() => undefined);
    return next;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      let delay = this.#options.pollIntervalMs;
      try {
        const handled = await this.#batch();
        if (handled > 0) delay = 0;
      } catch (error) {
        logBatchFailure(this.#options.logger, this.#options.name, error);
        delay = this.#options.errorDelayMs ?? this.#options.pollIntervalMs * 4;
      }
      if (!this.#running) break;
      if (delay > 0) await this.#sleep(delay);
    }
  }

  async #sleep(ms: number): Promise<void> {
    // On the process's grid of the interval: loops with the same interval wake together.
    const sleep = gridSleep(ms);
    this.#wakeUp = sleep.wake;
    await sleep.done;
    this.#wakeUp = undefined;
  }
}
