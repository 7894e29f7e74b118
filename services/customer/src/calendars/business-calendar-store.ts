import { createHash } from 'node:crypto';
import { parseSchedule, type Schedule } from '@screenmagic/hours-window';
import type { Clock } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import {
  insertCalendarVersion,
  latestCalendar,
  type StoredCalendar,
} from '../db/business-calendar-repository.ts';
import type { Database } from '../db/database.ts';
import { type IfMatch, ifMatchHolds } from '../domain/if-match.ts';

/** Where the store reports seeding and a seed that differs from the stored calendar. */
interface CalendarLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** The calendar in force: its version, the parsed schedule and when it was stored. */
export interface CurrentCalendar {
  readonly version: number;
  readonly schedule: Schedule;
  readonly updatedAt: Date;
}

/** What seeds an empty database: the calendar of BUSINESS_CALENDAR(_FILE) and its variable. */
export interface CalendarSeed {
  readonly schedule: Schedule;
  /** The variable it came from; undefined (the built-in default) is never warned about. */
  readonly variable: string | undefined;
}

/** A concurrent writer stored the next version first, or If-Match named an older one. */
export class StaleVersionError extends Error {
  readonly current: number;
  constructor(current: number) {
    super(`the business calendar is at version ${current}`);
    this.name = 'StaleVersionError';
    this.current = current;
  }
}

/** How often a write that lost the race without If-Match reads again and retries. */
const WRITE_RETRIES = 5;

/**
 * The business calendar as data: every version in `business_calendar`, the highest in
 * force. Each read asks the database for the newest version (one primary-key read), so a
 * change made through any replica takes effect in every replica at once; the parsed
 * schedule is kept per version. The first read of an empty database stores the seed as
 * version 1; a seed that differs from the stored calendar is logged once and ignored.
 */
export class BusinessCalendarStore {
  readonly #db: Kysely<Database>;
  readonly #seed: CalendarSeed;
  readonly #logger: CalendarLogger | undefined;
  #cached: CurrentCalendar | undefined;
  #seedChecked = false;

  readonly #clock: Clock;

  constructor(options: {
    db: Kysely<Database>;
    clock: Clock;
    seed: CalendarSeed;
    logger?: CalendarLogger | undefined;
  }) {
    this.#db = options.db;
    this.#clock = options.clock;
    this.#seed = options.seed;
    this.#logger = options.logger;
  }

  /** The calendar in force (seeding version 1 into an empty database). */
  async current(): Promise<CurrentCalendar> {
    let stored = await latestCalendar(this.#db);
    if (stored === undefined) {
      const seeded: StoredCalendar = {
        version: 1,
        calendarJson: JSON.stringify(this.#seed.schedule),
        updatedAt: this.#clock.now(),
      };
      // A replica that seeded first wins; read what it stored.
      if (await insertCalendarVersion(this.#db, seeded)) {
        this.#logger?.info(
          { version: 1, variable: this.#seed.variable ?? '(default)' },
          'business calendar seeded',
        );
      }
      stored = (await latestCalendar(this.#db)) ?? seeded;
    }
    this.#checkSeed(stored);
    return this.#parsed(stored);
  }

  /**
   * Stores `schedule` as the next version. With `ifMatch`, only when it holds for the
   * version in force (its ETag); either way two writers of the same next version cannot both win.
   *
   * @throws {StaleVersionError} when `ifMatch` does not hold for the version in force, or another
   *   writer stored the next version first.
   */
  async replace(
    schedule: Schedule,
    ifMatch: IfMatch | undefined,
    at: Date,
  ): Promise<CurrentCalendar> {
    return this.update(() => schedule, ifMatch, at);
  }

  /**
   * Stores `change(current)` as the next version, reading again and retrying when another
   * writer got there first (only without a list of tags in `ifMatch`: with one, that is a
   * stale version; `*` holds for whichever version is then in force).
   * `change` returning null stores nothing and answers the calendar in force.
   */
  async update(
    change: (current: CurrentCalendar) => Schedule | null,
    ifMatch: IfMatch | undefined,
    at: Date,
  ): Promise<CurrentCalendar> {
    const conditional = ifMatch !== undefined && ifMatch !== '*';
    for (let attempt = 0; ; attempt++) {
      const current = await this.current();
      if (ifMatch !== undefined && !ifMatchHolds(ifMatch, String(current.version))) {
        throw new StaleVersionError(current.version);
      }
      const schedule = change(current);
      if (schedule === null) return current;
      const next: StoredCalendar = {
        version: current.version + 1,
        calendarJson: JSON.stringify(schedule),
        updatedAt: at,
      };
      if (await insertCalendarVersion(this.#db, next)) return this.#parsed(next);
      if (conditional || attempt >= WRITE_RETRIES) {
        throw new StaleVersionError(current.version + 1);
      }
    }
  }

  #parsed(stored: StoredCalendar): CurrentCalendar {
    const cached = this.#cached;
    if (cached !== undefined && cached.version === stored.version) return cached;
    const current = {
      version: stored.version,
      schedule: parseSchedule(JSON.parse(stored.calendarJson)),
      updatedAt: stored.updatedAt,
    };
    if (cached === undefined || cached.version < current.version) this.#cached = current;
    return current;
  }

  #checkSeed(stored: StoredCalendar): void {
    if (this.#seedChecked) return;
    this.#seedChecked = true;
    if (this.#seed.variable === undefined) return;
    const seedJson = JSON.stringify(this.#seed.schedule);
    if (stored.version === 1 && stored.calendarJson === seedJson) return;
    if (JSON.stringify(parseSchedule(JSON.parse(stored.calendarJson))) === seedJson) return;
    this.#logger?.warn(
      {
        variable: this.#seed.variable,
        storedVersion: stored.version,
        storedUpdatedAt: stored.updatedAt.toISOString(),
        storedDigest: digest(stored.calendarJson),
        variableDigest: digest(seedJson),
      },
      `${this.#seed.variable} (calendar ${digest(seedJson)}) differs from the stored business calendar ` +
        `(version ${stored.version}, ${digest(stored.calendarJson)}); keeping the stored one — ` +
        'change it with PUT /v1/business-calendar',
    );
  }
}

/** A short fingerprint of a calendar's JSON, to tell two versions apart in a log line. */
function digest(json: string): string {
  return `sha256:${createHash('sha256').update(json).digest('hex').slice(0, 12)}`;
}
