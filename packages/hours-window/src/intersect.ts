import { intersectFlat, normalizeIntervals, toIntervals } from './internal/interval-math.ts';
import type { Interval } from './types.ts';

/**
 * The instants present in every list, as sorted, merged, half-open UTC intervals.
 * Lists are expected sorted and merged (as openIntervals returns them) but any list is
 * accepted: each is sorted and merged first (empty intervals dropped) on a copy; inputs
 * are never mutated. Touching intervals `[a, b)` and `[b, c)` are one interval `[a, c)`;
 * intervals meeting only at an end point have no instant in common.
 *
 * @throws {RangeError} when called with no list, or with an invalid Date.
 * @example
 * intersect(
 *   [{ start: new Date('2026-01-05T09:00Z'), end: new Date('2026-01-05T18:00Z') }],
 *   [{ start: new Date('2026-01-05T13:00Z'), end: new Date('2026-01-05T20:00Z') }],
 * )
 * // => [{ start: 2026-01-05T13:00:00.000Z, end: 2026-01-05T18:00:00.000Z }]
 */
export function intersect(...lists: (readonly Interval[])[]): Interval[] {
  const [first, ...rest] = lists;
  if (first === undefined) throw new RangeError('intersect needs at least one list of intervals');
  let acc = normalizeIntervals(first, 'lists[0]');
  rest.forEach((list, i) => {
    acc = intersectFlat(acc, normalizeIntervals(list, `lists[${i + 1}]`));
  });
  return toIntervals(acc);
}
