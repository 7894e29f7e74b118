import type { PlannedStatus, RecipientPlan } from './recipient-planner.ts';

const HOUR_MS = 3_600_000;

/** A broadcast's summary: recipients by what they get (SPEC §3, §6). */
export interface BroadcastSummary {
  sendingNow: number;
  scheduled: number;
  unreachable: number;
  suppressed: number;
}

export function emptySummary(): BroadcastSummary {
  return { sendingNow: 0, scheduled: 0, unreachable: 0, suppressed: 0 };
}

/** Counts `count` recipients (default one) of a status into a summary. */
export function countStatus(summary: BroadcastSummary, status: PlannedStatus, count = 1): void {
  if (status === 'sending') summary.sendingNow += count;
  else if (status === 'scheduled') summary.scheduled += count;
  else if (status === 'unreachable') summary.unreachable += count;
  else summary.suppressed += count;
}

/** What a preview says about when the sends happen. */
export interface SendSpread {
  /** Recipients (sending or scheduled) per UTC hour, the hours in order. */
  readonly byHour: { hour: Date; count: number }[];
  readonly lastScheduledFor: Date | null;
  /** When the last send goes out at the dispatch rate; `lastScheduledFor` without a cap. */
  readonly estimatedCompletion: Date | null;
}

/**
 * Adds up a broadcast's plans as they stream past, holding one counter per distinct send
 * instant (a handful per schedule shape), never the recipients themselves.
 */
export class PreviewTally {
  readonly summary: BroadcastSummary = emptySummary();
  readonly #perInstant = new Map<number, number>();

  /** Adds `count` recipients (default one) with the same plan (a schedule group). */
  add(plan: RecipientPlan, count = 1): void {
    countStatus(this.summary, plan.status, count);
    if ((plan.status === 'sending' || plan.status === 'scheduled') && plan.scheduledFor) {
      const t = plan.scheduledFor.getTime();
      this.#perInstant.set(t, (this.#perInstant.get(t) ?? 0) + count);
    }
  }

  /** The sends per hour, the last send time and the completion at `ratePerSecond`. */
  spread(ratePerSecond: number | undefined): SendSpread {
    const instants = [...this.#perInstant.entries()].sort((a, b) => a[0] - b[0]);
    const hours = new Map<number, number>();
    for (const [t, n] of instants) {
      const hour = Math.floor(t / HOUR_MS) * HOUR_MS;
      hours.set(hour, (hours.get(hour) ?? 0) + n);
    }
    const last = instants.at(-1);
    return {
      byHour: [...hours.entries()].map(([hour, count]) => ({ hour: new Date(hour), count })),
      lastScheduledFor: last ? new Date(last[0]) : null,
      estimatedCompletion: completion(instants, ratePerSecond),
    };
  }
}

/**
 * When the last of the sends goes out if at most `ratePerSecond` leave per second, in
 * due order: each group due at t starts when both t has come and the ones before it have
 * gone; the k-th send of a second-long slot leaves at the slot's start (the dispatcher
 * claims up to the rate at the start of each second). Without a rate: the last due time.
 *
 * @example
 * completion([[t0, 250]], 100) // => t0 + 2 s (100 at t0, 100 at t0+1 s, 50 at t0+2 s)
 */
export function completion(
  instants: readonly (readonly [number, number])[],
  ratePerSecond: number | undefined,
): Date | null {
  const last = instants.at(-1);
  if (last === undefined) return null;
  if (ratePerSecond === undefined) return new Date(last[0]);
  let free = Number.NEGATIVE_INFINITY; // the start of the first slot with capacity left
  let used = 0; // sends already in that slot
  let lastSend = last[0];
  for (const [t, count] of instants) {
    if (t > free) {
      free = t;
      used = 0;
    }
    const total = used + count;
    const full = Math.floor(total / ratePerSecond);
    used = total % ratePerSecond;
    lastSend = used > 0 ? free + full * 1_000 : free + (full - 1) * 1_000;
    free += full * 1_000;
  }
  return new Date(lastSend);
}
