import { formatLocal, localDateOf } from '@screenmagic/hours-window';

const DAY_MS = 86_400_000;

/** `sendAtLocal` of a broadcast: a wall time, on a local date or at its next occurrence. */
export interface LocalSendTime {
  /** `HH:MM`, 00:00–23:59. */
  readonly time: string;
  /** `YYYY-MM-DD`; absent: the next occurrence of `time` at or after now. */
  readonly date?: string;
}

/** The UTC offset in force at `t` in `zone`, in milliseconds. */
function offsetMs(t: number, zone: string): number {
  const text = formatLocal(new Date(t), zone).slice(19);
  const match = /^([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (match === null) return 0;
  const [, sign, h, m, s] = match;
  const ms = (Number(h) * 3600 + Number(m) * 60 + Number(s ?? 0)) * 1000;
  return sign === '-' ? -ms : ms;
}

/**
 * The instant a local wall time `date time` names in `zone`. A time that occurs twice
 * (fall back) is its first occurrence; a time that does not exist (spring forward) is
 * moved forward by the gap (02:30 in New York on 8 Mar 2026 is 03:30 EDT), as Temporal's
 * `compatible` disambiguation does.
 *
 * @example
 * zonedInstant('2026-12-08', '10:00', 'Asia/Kolkata') // => 2026-12-08T04:30:00.000Z
 */
export function zonedInstant(date: string, time: string, zone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  // The offsets before and after any change near this wall time (changes are > 2 days apart).
  const before = offsetMs(naive - DAY_MS, zone);
  const after = offsetMs(naive + DAY_MS, zone);
  const valid = [naive - before, naive - after].filter((t) => offsetMs(t, zone) === naive - t);
  if (valid.length > 0) return new Date(Math.min(...valid));
  // In a gap: read with the offset before the change, which lands after it.
  return new Date(naive - before);
}

/**
 * The instant a recipient in `zone` gets a `sendAtLocal` broadcast, before its window is
 * applied: `time` on `date` in that zone, or — without `date` — the next occurrence of
 * `time` at or after `now` there (today's if not yet past, else tomorrow's). An instant
 * already past is `now` (a message cannot be sent in the past), as for `sendAt`.
 *
 * @example
 * // now 2026-12-07T06:00Z: 10:00 in Kolkata is 04:30Z (past) → tomorrow; in London still today
 * localSendAt({ time: '10:00' }, 'Asia/Kolkata', now) // => 2026-12-08T04:30:00.000Z
 * localSendAt({ time: '10:00' }, 'Europe/London', now) // => 2026-12-07T10:00:00.000Z
 */
export function localSendAt(send: LocalSendTime, zone: string, now: Date): Date {
  let at: Date;
  if (send.date !== undefined) {
    at = zonedInstant(send.date, send.time, zone);
  } else {
    const today = localDateOf(now, zone);
    at = zonedInstant(today, send.time, zone);
    if (at.getTime() < now.getTime()) {
      at = zonedInstant(nextDate(today), send.time, zone);
    }
  }
  return at.getTime() < now.getTime() ? now : at;
}

/** The calendar date after `date` (`YYYY-MM-DD`). */
function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
