import { parseSchedule, type Schedule } from '@screenmagic/hours-window';
import type { Logger } from 'pino';
import type { ServiceClient } from '../clients/service-client.ts';
import { CustomerDirectory } from '../contracts/customer-directory.ts';
import { unavailable } from '../errors.ts';
import { PollLoop } from '../worker/poll-loop.ts';
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
  /** How often the customer service is asked (default 1 s: a change applies within 5 s). */
  readonly pollIntervalMs?: number;
  readonly logger?: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'> | undefined;
}

/** Customer changes read per call. */
const CHANGES_PAGE = 1_000;

/**
 * The business calendar as another service sees it: polled from the customer service
 * (`GET /internal/business-calendar`, a primary-key read) every second. A new version is
 * in force here as soon as it is read; then the listener re-plans what was queued under
 * the old one, and only once that finished is the version recorded in the service's own
 * database (`SyncStateStore`) — a re-plan cut short (crash, outage) is done again. The
 * recorded state is read only when what is published differs from what this process last
 * read or recorded there (an idle poll is one call, no query). The
 * customer change sequence is followed the same way when the listener wants it.
 * Until the first answer the calendar is unknown: `calendar` throws 503 (requests that
 * need it answer 503 with Retry-After, the dispatcher and the order worker claim nothing).
 * It is not a readiness check: SPEC's `/readyz` is the service's own database and
 * migrations, and another service being down must not take this one out of rotation.
 */
export class CalendarSource {
  readonly #options: CalendarSourceOptions;
  readonly #loop: PollLoop;
  #current: { readonly version: number; readonly schedule: Schedule } | undefined;
  /**
   * The sync state as this process last read or saved it. While the customer service
   * publishes exactly that (same version, same change), everything published was re-planned
   * and the state is not read again: an idle poll asks only the customer service.
   */
  #applied: SyncState | undefined;

  constructor(options: CalendarSourceOptions) {
    this.#options = options;
    this.#loop = new PollLoop({
      name: 'calendar-source',
      runBatch: () => this.#poll(),
      pollIntervalMs: options.pollIntervalMs ?? 1_000,
      errorDelayMs: options.pollIntervalMs ?? 1_000,
      ...(options.logger ? { logger: options.logger } : {}),
    });
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
    this.#loop.start();
  }

  stop(): Promise<void> {
    return this.#loop.stop();
  }

  /**
   * Reads the latest calendar and customer changes now and finishes the re-planning they
   * cause (the test clock calls it before running due work). Errors propagate.
   */
  async sync(): Promise<void> {
    await this.#loop.drain();
  }

  /** One poll; returns how many changes it applied (0: up to date). */
  async #poll(): Promise<number> {
    const { client, state, listener, logger } = this.#options;
    const directory = new CustomerDirectory(client);
    const askedAt = performance.now();
    const published = await directory.businessCalendar();
    listener.customerChangeHead?.(published.customerChangeSeq, askedAt);
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
        const page = await directory.customerChanges(after, CHANGES_PAGE);
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
