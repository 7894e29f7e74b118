/**
 * Time is injected: domain code asks a Clock, never `new Date()`. Production uses the
 * system clock; with TEST_CLOCK=1 a settable clock lets tests move time.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = Object.freeze({
  // The one place the system time is read.
  // eslint-disable-next-line no-restricted-syntax
  now: () => new Date(),
});

/**
 * A clock for tests: follows the system clock until `set` is called, then stays frozen at
 * the instant it was given until the next `set` (which may move it backwards).
 */
export class SettableClock implements Clock {
  #frozenAt: number | undefined;
  readonly #fallback: Clock;
  readonly #listeners: ((at: Date) => void)[] = [];

  constructor(fallback: Clock = systemClock) {
    this.#fallback = fallback;
  }

  now(): Date {
    return this.#frozenAt === undefined ? this.#fallback.now() : new Date(this.#frozenAt);
  }

  set(at: Date): void {
    if (Number.isNaN(at.getTime())) throw new RangeError('SettableClock.set: invalid date');
    this.#frozenAt = at.getTime();
    for (const listener of this.#listeners) listener(new Date(this.#frozenAt));
  }

  /**
   * Calls `listener` after every `set` (e.g. to start a new "what ran at this instant"
   * report for the test clock).
   */
  onSet(listener: (at: Date) => void): void {
    this.#listeners.push(listener);
  }

  get isFrozen(): boolean {
    return this.#frozenAt !== undefined;
  }
}

/**
 * The clock a service runs on: settable under TEST_CLOCK=1 (frozen at `start` from the
 * beginning when given: TEST_CLOCK_START), the system clock otherwise.
 */
export function clockFor(testClock: boolean, start?: Date): Clock | SettableClock {
  if (!testClock) return systemClock;
  const clock = new SettableClock();
  if (start !== undefined) clock.set(start);
  return clock;
}
