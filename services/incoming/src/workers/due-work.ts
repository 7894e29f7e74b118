import type { PollLoop } from '@screenmagic/service-kit';
import type { WorkerCounts } from './order-worker.ts';

/**
 * The test clock's `runDue` for this service: drains the worker at the clock's instant
 * and reports what ran since the clock was last set (or since the last report), so
 * work the background loop picked up between `POST /internal/test/clock` and
 * `POST /internal/test/run-due` is counted too.
 */
export class DueWork {
  readonly #loop: PollLoop;
  readonly #counts: Readonly<WorkerCounts>;
  #baseline: WorkerCounts;

  constructor(loop: PollLoop, counts: Readonly<WorkerCounts>) {
    this.#loop = loop;
    this.#counts = counts;
    this.#baseline = { ...counts };
  }

  /** Starts a new reporting period (the clock was set). */
  mark(): void {
    this.#baseline = { ...this.#counts };
  }

  async run(): Promise<Record<string, number>> {
    await this.#loop.drain();
    const ran = {
      confirmed: this.#counts.confirmed - this.#baseline.confirmed,
      handedOver: this.#counts.handedOver - this.#baseline.handedOver,
      retried: this.#counts.retried - this.#baseline.retried,
    };
    this.mark();
    return ran;
  }
}
