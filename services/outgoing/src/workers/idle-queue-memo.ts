/**
 * One idle poll per process, not one per claim loop (docs/decisions.md, "Wake-ups"): the
 * process's loops share the answer to "is anything due?" — a poll in flight is awaited
 * instead of sent again (loops started together poll in step), and a "nothing due" is
 * reused while it is younger than `validMs` (just under the poll interval) — unless work
 * was signalled since (a wake, a test clock set, `run-due`), or the clock a loop claims at
 * has moved on from the instant that poll asked about. A loop told "something is due"
 * claims with its own locking query, as before: only the idle read is shared.
 */
export class IdleQueueMemo {
  readonly #validMs: number;
  readonly #elapsed: () => number;
  #signals = 0;
  #last:
    | {
        readonly signals: number;
        readonly at: number;
        readonly now: number;
        readonly due: Promise<boolean>;
        settled: boolean;
      }
    | undefined;

  constructor(validMs: number, elapsed: () => number = () => performance.now()) {
    this.#validMs = validMs;
    this.#elapsed = elapsed;
  }

  /** Work may be due that the last poll did not see: the next poll asks the database. */
  invalidate(): void {
    this.#signals++;
    this.#last = undefined;
  }

  /**
   * Whether anything is due at `now`: the answer of a poll in flight or of an empty one
   * just made, or `ask()`'s.
   */
  due(now: Date, ask: () => Promise<boolean>): Promise<boolean> {
    const last = this.#last;
    if (
      last !== undefined &&
      last.signals === this.#signals &&
      Math.abs(now.getTime() - last.now) < this.#validMs &&
      (!last.settled || this.#elapsed() - last.at < this.#validMs)
    ) {
      return last.due;
    }
    const poll = {
      signals: this.#signals,
      at: this.#elapsed(),
      now: now.getTime(),
      due: ask(),
      settled: false,
    };
    this.#last = poll;
    // Only an empty answer is kept; a due one (or a failure) is asked again by the next loop.
    poll.due.then(
      (due) => {
        poll.settled = true;
        if (due && this.#last === poll) this.#last = undefined;
      },
      () => {
        if (this.#last === poll) this.#last = undefined;
      },
    );
    return poll.due;
  }
}
