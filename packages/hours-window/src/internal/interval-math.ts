/**
 * Interval lists as flat number arrays `[start0, end0, start1, end1, …]` (milliseconds,
 * half-open), sorted and merged: the internal currency of the library, cheap to build and
 * scan. Public functions convert to and from {@link Interval} objects at the boundary.
 */
import type { Interval } from '../types.ts';

/**
 * Appends [s, e) to a sorted, merged list whose last start is <= s, merging it with the
 * last interval when they overlap or touch. Empty intervals are ignored.
 */
export function pushMerged(out: number[], s: number, e: number): void {
  if (!(s < e)) return;
  const n = out.length;
  if (n > 0 && s <= (out[n - 1] as number)) {
    if (e > (out[n - 1] as number)) out[n - 1] = e;
  } else {
    out.push(s, e);
  }
}

/** The intersection of two sorted, merged lists, sorted and merged. */
export function intersectFlat(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const aEnd = a[i + 1] as number;
    const bEnd = b[j + 1] as number;
    pushMerged(out, Math.max(a[i] as number, b[j] as number), Math.min(aEnd, bEnd));
    if (aEnd < bEnd) i += 2;
    else j += 2;
  }
  return out;
}

/** A sorted, merged flat list from any intervals (empty ones dropped); inputs untouched. */
export function normalizeIntervals(list: readonly Interval[], name: string): number[] {
  const pairs: [number, number][] = [];
  list.forEach((interval, index) => {
    const s = timeOf(interval.start, `${name}[${index}].start`);
    const e = timeOf(interval.end, `${name}[${index}].end`);
    if (s < e) pairs.push([s, e]);
  });
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: number[] = [];
  for (const [s, e] of pairs) pushMerged(out, s, e);
  return out;
}

function timeOf(value: Date, name: string): number {
  const ms =
    Object.prototype.toString.call(value) === '[object Date]' ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
}

/** Interval objects (fresh Dates) from a flat list. */
export function toIntervals(flat: readonly number[]): Interval[] {
  const out: Interval[] = [];
  for (let i = 0; i < flat.length; i += 2) {
    out.push({ start: new Date(flat[i] as number), end: new Date(flat[i + 1] as number) });
  }
  return out;
}
