import { addCounts, type DispatchCounts, emptyCounts } from './dispatch-counts.ts';

/**
 * The test clock's `run-due` answer: what batches did since the clock was set or since
 * the previous report — background loops included, so work they did between the clock
 * being set and `run-due` (a wake, a poll) is reported too. Runs of `run-due` are
 * serialized: each report covers its own run.
 */
export class TestClockReport {
  #tally: DispatchCounts = emptyCounts();
  #lane: Promise<unknown> = Promise.resolve();
  #instant = 0;

  /**
   * Which setting of the clock a batch starting now works at: read in the same
   * synchronous step as the batch reads the clock, and given back to {@link add}.
   */
  get instant(): number {
    return this.#instant;
  }

  /**
   * Adds what one batch did, if it worked at the clock's current setting: a batch that
   * read the clock before it was set (a background delivery still finishing when the
   * test moved time) belongs to the earlier instant, not to this report.
   */
  add(counts: Readonly<DispatchCounts>, instant: number): void {
    if (instant === this.#instant) addCounts(this.#tally, counts);
  }

  /** Starts a new report: the test clock was set, earlier work belongs to earlier instants. */
  restart(): void {
    this.#instant += 1;
    this.#tally = emptyCounts();
  }

  /** Runs `drain` after any run in progress, then answers (and restarts) the report. */
  run(drain: () => Promise<void>): Promise<DispatchCounts> {
    const report = this.#lane.then(async () => {
      await drain();
      const tally = this.#tally;
      this.#tally = emptyCounts();
      return tally;
    });
    this.#lane = report.catch(() => undefined);
    return report;
  }
}
