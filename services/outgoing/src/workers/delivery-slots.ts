/**
 * The deliveries one dispatcher process has in flight, across all its workers: at most
 * `limit` at once, granted in request order. Sharing one budget (rather than `limit` per
 * worker) keeps the connections to the receiver at `limit` whatever the number of
 * workers, and lets a worker that is claiming or recording hand its share to the others,
 * so the receiver sees a steady stream instead of bursts per batch.
 */
export class DeliverySlots {
  readonly #limit: number;
  #busy = 0;
  /** Waiters in request order from `#head` on (no `shift()`: a batch queues ~1,000). */
  #waiting: (() => void)[] = [];
  #head = 0;

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be >= 1: ${limit}`);
    this.#limit = limit;
  }

  /** Deliveries running now. */
  get busy(): number {
    return this.#busy;
  }

  /** Runs `task` once a slot is free; the slot is freed when it settles. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#busy >= this.#limit) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#busy++;
    }
    try {
      return await task();
    } finally {
      this.#release();
    }
  }

  /**
   * Runs `task` for every item, each once a slot is free (in request order, as {@link run});
   * settles when all have, or rejects with the first failure (as `Promise.all` of `run`s).
   * One closure per item that has to wait and no promise of its own: it runs once per
   * delivery, 100,000 times in a big drain.
   */
  each<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
    return new Promise((resolve, reject) => {
      let left = items.length;
      let failed = false;
      if (left === 0) return resolve();
      const settled = (): void => {
        this.#release();
        if (--left === 0 && !failed) resolve();
      };
      const failure = (error: Error): void => {
        this.#release();
        left--;
        if (!failed) reject(error);
        failed = true;
      };
      const start = (item: T): void => {
        try {
          task(item).then(settled, failure);
        } catch (error) {
          failure(error as Error);
        }
      };
      for (const item of items) {
        if (this.#busy >= this.#limit) this.#waiting.push(() => start(item));
        else {
          this.#busy++;
          start(item);
        }
      }
    });
  }

  #release(): void {
    const next = this.#waiting[this.#head];
    // The slot passes straight to the next waiter (busy stays the same), or is freed.
    if (next) {
      this.#waiting[this.#head++] = noop;
      if (this.#head === this.#waiting.length) {
        this.#waiting = [];
        this.#head = 0;
      } else if (this.#head >= 1_024 && this.#head * 2 >= this.#waiting.length) {
        // A queue that never empties drops its served half now and then.
        this.#waiting = this.#waiting.slice(this.#head);
        this.#head = 0;
      }
      next();
    } else this.#busy--;
  }
}

function noop(): void {}
