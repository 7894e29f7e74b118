import { parseSchedule, type Schedule } from '@screenmagic/hours-window';
import type { Logger } from 'pino';
import type { ServiceClient } from '../clients/service-client.ts';
import type { InternalCalendar } from '../contracts/customer-api.ts';
import { CustomerDirectory } from '../contracts/customer-directory.ts';
import { unavailable } from '../errors.ts';
import { logBatchFailure } from '../worker/batch-failure.ts';
import { gridSleep } from '../worker/interval-grid.ts';
import type { SyncState, SyncStateStore } from './sync-state.ts';

/** What a service does when the time rules it follows change (re-plan its queued work). */
export interface TimeRulesListener {
  /** The business calendar changed (it is already in force here): re-plan everything queued. */
  readonly calendarChanged?: (calendar: Schedule, version: number) => Promise<void>;
  /** These customers' hours, zone or existence changed: re-plan what is queued for them. */
  readonly customersChanged?: (customerIds: readonly string[]) => Promise<void>;
  /**
   * Every answer's customer change head (the last change's number), with when it was asked
   * for (`performance.now()` before the call): everything committed before then is at or
   * below it. The outgoing replica rests its freshness on it between polls of its own.
   */
  readonly customerChangeHead?: (seq: string, askedAt: number) => void;
}

export interface CalendarSourceOptions {
  readonly client: ServiceClient;
  readonly state: SyncStateStore;
  readonly listener: TimeRulesListener;
  /** How long the customer service may hold a watch before answering unchanged (default 25 s). */
  readonly watchMs?: number;
  /**
   * Wait after a failed call before asking again (default 1 s); also between the calls of a
   * customer service that answers at once (one from before watches: a poll then).
   */
  readonly retryDelayMs?: number;
  readonly logger?: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'> | undefined;
}

/** Customer changes read per call. */
const CHANGES_PAGE = 1_000;

/**
 * The business calendar as another service sees it, watched at the customer service
 * (`GET /internal/business-calendar` held until it differs from what this process has:
 * docs/decisions.md, "The calendar is watched, not polled") — a change arrives as soon as
 * the customer service sees it, and an idle watch costs one call per `watchMs`. A new
 * version is in force here as soon as it is read; then the listener re-plans what was
 * queued under the old one, and only once that finished is the version recorded in the
 * service's own database (`SyncStateStore`) — a re-plan cut short (crash, outage) is done
 * again: the watch names what was recorded, so it is answered at once. The recorded state
 * is read only when what is published differs from what this process last read or saved.
 * The customer change sequence is followed the same way when the listener wants it.
 * Until the first answer the calendar is unknown: `calendar` throws 503 (requests that
 * need it answer 503 with Retry-After, the dispatcher and the order worker claim nothing).
 * It is not a readiness check: SPEC's `/readyz` is the service's own database and
 * migrations, and another service being down must not take this one out of rotation.
 */
export class CalendarSource {
  readonly #options: CalendarSourceOptions;
  readonly #directory: CustomerDirectory;
  #current: { readonly version: number; readonly schedule: Schedule } | undefined;
  /**
   * The sync state as this process last read or saved it. While the customer service
   * publishes exactly that (same version, same change), everything published was re-planned
   * and the state is not read again.
   */
  #applied: SyncState | undefined;
  #running = false;
  #loop: Promise<void> | undefined;
  /** Gives up the watch in flight (stop). */
  #abort: AbortController | undefined;
  #cancelPause: (() => void) | undefined;
  /** Serializes applying answers: the watch's and sync()'s. */
  #lane: Promise<unknown> = Promise.resolve();

  constructor(options: CalendarSourceOptions) {
    this.#options = options;
    this.#directory = new CustomerDirectory(options.client);
  }

  /**
   * The calendar in force.
   *
   * @throws {AppError} 503 DEPENDENCY_UNAVAILABLE before it was first read.
   */
  get calendar(): Schedule {
    if (this.#current === undefined) {
      throw unavailable(
        'DEPENDENCY_UNAVAILABLE',
        'The business calendar has not been read from the customer service yet; retry later',
      );
    }
    return this.#current.schedule;
  }

  /** The version in force here; undefined before the first read. */
  get version(): number | undefined {
    return this.#current?.version;
  }

  get isLoaded(): boolean {
    return this.#current !== undefined;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#watch();
  }

  /** Gives up the watch in flight and waits for an answer being applied. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#abort?.abort();
    this.#cancelPause?.();
    await this.#loop;
    await this.#lane;
  }

  /**
   * Reads the latest calendar and customer changes now and finishes the re-planning they
   * cause (the test clock calls it before running due work). Errors propagate.
   */
  async sync(): Promise<void> {
    for (;;) {
      const askedAt = performance.now();
      const published = await this.#directory.businessCalendar();
      if ((await this.#serial(() => this.#apply(published, askedAt))) === 0) return;
    }
  }

  #serial(apply: () => Promise<number>): Promise<number> {
    const next = this.#lane.then(apply);
    this.#lane = next.catch(() => undefined);
    return next;
  }

  /** What this process has, for the customer service to hold the watch on. */
  #known(): { version: number; customerChangeSeq?: string } | undefined {
    const applied = this.#applied;
    // Nothing recorded yet (or a re-plan to redo): answered at once.
    if (applied?.calendarVersion == null) return undefined;
    const version = applied.calendarVersion;
    return this.#options.listener.customersChanged
      ? { version, customerChangeSeq: applied.customerChangeSeq }
      : { version };
  }

  async #watch(): Promise<void> {
    const { logger } = this.#options;
    const retryDelayMs = this.#options.retryDelayMs ?? 1_000;
    const watchMs = this.#options.watchMs ?? 25_000;
    while (this.#running) {
      try {
        const known = this.#known();
        this.#abort = new AbortController();
        const askedAt = performance.now();
        const published = await this.#directory.businessCalendar(
          known === undefined ? undefined : { known, waitMs: watchMs, signal: this.#abort.signal },
        );
        if (!this.#running) break;
        await this.#serial(() => this.#apply(published, askedAt));
        // Answered before the watch ran out without this process moving on (a customer
        // service from before watches answers at once): poll once a second, do not spin.
        const now = this.#known();
        const movedOn =
          known === undefined ||
          now?.version !== known.version ||
          now.customerChangeSeq !== known.customerChangeSeq;
        if (!movedOn && (published.heldMs ?? 0) < watchMs) await this.#pause(retryDelayMs);
      } catch (error) {
        if (!this.#running) break;
        logBatchFailure(logger, 'calendar-source', error);
        await this.#pause(retryDelayMs);
      }
    }
  }

  async #pause(ms: number): Promise<void> {
    const pause = gridSleep(ms);
    this.#cancelPause = pause.wake;
    await pause.done;
    this.#cancelPause = undefined;
  }

  /** Applies one answer; returns how many changes it applied (0: up to date). */
  async #apply(published: InternalCalendar, askedAt: number): Promise<number> {
    const { state, listener, logger } = this.#options;
    // An answer overtaken by a newer one (a watch answered before a sync's) changes nothing.
    if (this.#current !== undefined && published.version < this.#current.version) return 0;
    // What it holds was read at least heldMs after the request was sent.
    listener.customerChangeHead?.(published.customerChangeSeq, askedAt + (published.heldMs ?? 0));
    let applied = 0;
    if (this.#current?.version !== published.version) {
      const previous = this.#current?.version;
      this.#current = { version: published.version, schedule: parseSchedule(published.calendar) };
      logger?.info({ version: published.version, previous }, 'business calendar version in force');
    }
    const known = this.#applied;
    const upToDate =
      known !== undefined &&
      known.calendarVersion === published.version &&
      (!listener.customersChanged || known.customerChangeSeq === published.customerChangeSeq);
    if (upToDate) return 0;
    const saved = await state.read();
    this.#applied = saved;
    if (saved.calendarVersion !== published.version) {
      await listener.calendarChanged?.(this.calendar, published.version);
      await state.saveCalendarVersion(published.version);
      this.#applied = { ...saved, calendarVersion: published.version };
      applied++;
    }
    if (
      listener.customersChanged &&
      BigInt(published.customerChangeSeq) > BigInt(saved.customerChangeSeq)
    ) {
      let after = saved.customerChangeSeq;
      for (;;) {
        const page = await this.#directory.customerChanges(after, CHANGES_PAGE);
        if (page.items.length > 0) {
          await listener.customersChanged([...new Set(page.items.map((i) => i.customerId))]);
        }
        if (page.lastSeq === after) break;
        after = page.lastSeq;
        await state.saveCustomerChangeSeq(after);
        this.#applied = { ...(this.#applied ?? saved), customerChangeSeq: after };
        applied += page.items.length;
        if (!page.more) break;
      }
    }
    return applied;
  }
}

/**
 * The test clock's first step (SPEC §4): bring the service to the latest calendar and
 * customer changes, re-planning finished. A customer service that cannot answer does not
 * stop the due work (tests of outages run it); the calendar in force is used, as in
 * production between two polls.
 */
export async function syncForTestClock(
  source: CalendarSource,
  logger?: Pick<Logger, 'warn'>,
): Promise<void> {
  try {
    await source.sync();
  } catch (error) {
    logger?.warn({ err: error }, 'test clock: could not bring the business calendar up to date');
  }
}
