import type { Schedule } from '@screenmagic/hours-window';
import type { Clock } from '@screenmagic/service-kit';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { OrderEvents } from '../db/order-event-repository.ts';
import { moveOrder, pendingPage } from '../db/order-replan-repository.ts';
import { replanOrder } from '../domain/order-replan.ts';

/** Pending orders read per page. */
const PAGE_SIZE = 500;

/**
 * Keeps the promises of pending orders when the business calendar changes (SPEC §4):
 * walks the pending orders by primary key, a page at a time, re-decides each one's
 * processing time with the calendar in force, and moves those that changed — with their
 * history and a correction for the customer (`moveOrder`). A customer's own hours do not
 * move an order (its processing time is the business's opening), only the correction's
 * delivery window. Idempotent: a re-plan cut short is run again by the CalendarSource.
 */
export class OrderReplanner {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  readonly #calendar: () => Schedule;
  readonly #onMoved: () => void;
  readonly #events: OrderEvents;
  readonly #logger: Pick<FastifyBaseLogger, 'info'> | undefined;

  constructor(options: {
    db: Kysely<Database>;
    clock: Clock;
    calendar: () => Schedule;
    /** Called after orders moved (wakes the worker to send the corrections). */
    onMoved: () => void;
    /** `order.replanned` (SPEC §7), written with each move. */
    events: OrderEvents;
    logger?: Pick<FastifyBaseLogger, 'info'> | undefined;
  }) {
    this.#db = options.db;
    this.#clock = options.clock;
    this.#calendar = options.calendar;
    this.#onMoved = options.onMoved;
    this.#events = options.events;
    this.#logger = options.logger;
  }

  /** Re-plans every pending order; returns how many moved. */
  async replanAll(): Promise<number> {
    const calendar = this.#calendar();
    const now = this.#clock.now();
    let moved = 0;
    let examined = 0;
    let afterId: string | null = null;
    for (;;) {
      const page = await pendingPage(this.#db, afterId, PAGE_SIZE);
      for (const row of page) {
        const to = replanOrder(
          { placedAt: row.placed_at, processingAt: row.processing_at },
          calendar,
          now,
        );
        if (
          to !== null &&
          (await moveOrder(
            this.#db,
            { row, to, at: now, reason: 'CALENDAR_CHANGED' },
            this.#events,
          ))
        ) {
          moved++;
        }
      }
      examined += page.length;
      afterId = page.at(-1)?.order_id ?? null;
      if (page.length < PAGE_SIZE) break;
    }
    this.#logger?.info({ examined, moved }, 'pending orders re-planned');
    if (moved > 0) this.#onMoved();
    return moved;
  }
}
