import { localDateOf } from '@screenmagic/hours-window';

/** A marketing message already delivered: to whom, and when. */
export interface DeliveredMarketing {
  readonly customerId: string;
  readonly at: Date;
}

/**
 * `MARKETING_CAP_PER_DAY` at dispatch (SPEC §6): however a marketing message comes to be
 * sent on a day — planned there at acceptance, moved there by a re-plan, a late dispatch or
 * a retry — at most `cap` go to one customer on one customer-local day. Acceptance counts
 * the messages *planned* for the day; this counts the ones *delivered* on it (in the
 * customer's current zone) and those the batch admits, in the order it asks: on a full day
 * the messages sent first win. One tally per batch; no I/O.
 */
export class DailyCapTally {
  readonly #cap: number;
  /** `customerId + '\u0000' + localDay` → messages delivered or admitted that day. */
  readonly #used = new Map<string, number>();
  /** Messages already admitted: asking again (a batch that reads its customers anew) is free. */
  readonly #admitted = new Set<string>();

  /**
   * @param delivered the batch's customers' marketing messages delivered lately (enough
   *   to cover the current local day of any zone)
   * @param zoneOf a customer's current zone; undefined: the customer is gone (not counted)
   */
  constructor(
    cap: number,
    delivered: readonly DeliveredMarketing[],
    zoneOf: (customerId: string) => string | undefined,
  ) {
    this.#cap = cap;
    for (const message of delivered) {
      const timeZone = zoneOf(message.customerId);
      if (timeZone === undefined) continue;
      const key = dayKey(message.customerId, localDateOf(message.at, timeZone));
      this.#used.set(key, (this.#used.get(key) ?? 0) + 1);
    }
  }

  /**
   * Whether the marketing message `messageId` may go to `customerId` at `at` (the day in
   * `timeZone` has room): true counts it against that day, false leaves the day as it was.
   */
  admits(messageId: string, customerId: string, timeZone: string, at: Date): boolean {
    if (this.#admitted.has(messageId)) return true;
    const key = dayKey(customerId, localDateOf(at, timeZone));
    const used = this.#used.get(key) ?? 0;
    if (used >= this.#cap) return false;
    this.#used.set(key, used + 1);
    this.#admitted.add(messageId);
    return true;
  }
}

function dayKey(customerId: string, localDay: string): string {
  return `${customerId}\u0000${localDay}`;
}
