/**
 * Sleeps on a grid of the interval, one timer per instant (docs/decisions.md, "Wake-ups").
 * A loop that sleeps for an interval of `ms` wakes at the next multiple of `ms` (monotonic
 * time) at least half an interval away — between 0.5 and 1.5 intervals, one on average —
 * and every sleeper of the process due at that instant shares one timer. So the loops of a
 * process with the same interval (the dispatcher's claim loops, the calendar source, the
 * customer replica, the event publisher) wake together, once per interval, instead of each
 * on its own phase: a wake-up from idle costs 150–300 µs of CPU on a small VM.
 */
const sleepers = new Map<number, { timer: NodeJS.Timeout; wakes: Set<() => void> }>();

/** The instant (monotonic ms) a sleep of an interval of `ms` begun at `now` ends. */
export function gridInstant(ms: number, now: number): number {
  return Math.ceil((now + ms / 2) / ms) * ms;
}

/**
 * Calls `wake` at the grid instant for an interval of `ms` from now; the returned function
 * cancels it (the sleeper was woken otherwise).
 */
export function sleepOnGrid(ms: number, wake: () => void): () => void {
  const now = performance.now();
  const at = gridInstant(ms, now);
  let slot = sleepers.get(at);
  if (slot === undefined) {
    const wakes = new Set<() => void>();
    const timer = setTimeout(() => {
      sleepers.delete(at);
      for (const each of wakes) each();
    }, at - now);
    slot = { timer, wakes };
    sleepers.set(at, slot);
  }
  const { wakes, timer } = slot;
  wakes.add(wake);
  return () => {
    wakes.delete(wake);
    if (wakes.size === 0 && sleepers.get(at)?.timer === timer) {
      clearTimeout(timer);
      sleepers.delete(at);
    }
  };
}

/** A sleep on the grid ({@link sleepOnGrid}) that `wake()` ends early. */
export interface GridSleep {
  readonly done: Promise<void>;
  /** Ends the sleep now (a stop, or work that is due). */
  readonly wake: () => void;
}

/** Sleeps for an interval of `ms` on the grid; `wake()` ends it at once. */
export function gridSleep(ms: number): GridSleep {
  let wake = (): void => undefined;
  const done = new Promise<void>((resolve) => {
    const cancel = sleepOnGrid(ms, () => wake());
    wake = () => {
      cancel();
      resolve();
    };
  });
  return { done, wake: () => wake() };
}
