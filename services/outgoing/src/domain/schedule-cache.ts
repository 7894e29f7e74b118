import { parseSchedule, type Schedule } from '@screenmagic/hours-window';

/**
 * Customer schedules arrive as JSON from the customer service; most customers share a
 * handful of them. This keeps one parsed (and, inside hours-window, compiled) schedule per
 * distinct JSON text, so a broadcast to 100,000 customers parses each schedule once.
 * Bounded: the oldest entries are dropped beyond `capacity`.
 */
export class ScheduleCache {
  readonly #capacity: number;
  readonly #entries = new Map<string, Schedule>();

  constructor(capacity = 10_000) {
    this.#capacity = capacity;
  }

  /** The parsed schedule and its cache key (its JSON text). Throws ScheduleError if invalid. */
  get(workingHours: unknown): { readonly key: string; readonly schedule: Schedule } {
    const key = JSON.stringify(workingHours);
    let schedule = this.#entries.get(key);
    if (schedule === undefined) {
      schedule = parseSchedule(workingHours);
      this.#remember(key, schedule);
    }
    return { key, schedule };
  }

  /** The parsed schedule of a JSON text (the replica's), the text itself the key. */
  fromJson(json: string): Schedule {
    let schedule = this.#entries.get(json);
    if (schedule === undefined) {
      schedule = parseSchedule(JSON.parse(json));
      this.#remember(json, schedule);
    }
    return schedule;
  }

  #remember(key: string, schedule: Schedule): void {
    if (this.#entries.size >= this.#capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, schedule);
  }
}
