import type { Interval } from '../types.ts';

/** Intervals as `[startISO, endISO]` pairs, for exact assertions. */
export function iso(list: readonly Interval[]): [string, string][] {
  return list.map((i) => [i.start.toISOString(), i.end.toISOString()]);
}

/** A Date from an ISO string, refusing typos (an invalid Date would pass silently). */
export function at(text: string): Date {
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) throw new Error(`bad test instant ${text}`);
  return d;
}

/** An interval from two ISO strings. */
export function span(start: string, end: string): Interval {
  return { start: at(start), end: at(end) };
}
