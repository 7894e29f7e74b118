/**
 * The library against an independent brute-force reading of the spec (testing/brute-force.ts),
 * minute by minute, over random schedules (overnight ranges, 24:00, overlaps, closures and
 * closure ranges, overrides — overnight and `[]` included — and public holidays) in zones
 * with every kind of DST rule, in windows placed around their transitions or holidays.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainAt } from './explain-at.ts';
import { intersect } from './intersect.ts';
import { isOpen } from './is-open.ts';
import { nextOpen } from './next-open.ts';
import { openIntervals } from './open-intervals.ts';
import { parseSchedule } from './parse-schedule.ts';
import { sharedOpenIntervals } from './shared-open-intervals.ts';
import {
  MINUTE,
  resolveSchedule,
  resolveWindow,
  scheduleShape,
  weekly,
  windowShape,
} from './testing/arbitraries.ts';
import { bruteIsOpen, bruteMinutes, runsOf, type RawSchedule } from './testing/brute-force.ts';
import type { Interval } from './types.ts';

/** HOURS_WINDOW_PROPERTY_RUNS=10 multiplies the runs, for a long soak outside the normal suite. */
const SCALE = Number(process.env.HOURS_WINDOW_PROPERTY_RUNS ?? '1');
const runs = (n: number) => ({ numRuns: Math.max(1, Math.round(n * SCALE)) });

const iso = (list: readonly Interval[]) =>
  list.map((i) => [i.start.toISOString(), i.end.toISOString()]);
const isoRuns = (runs: readonly [number, number][]) =>
  runs.map(([s, e]) => [new Date(s).toISOString(), new Date(e).toISOString()]);

/** The first covered instant >= t according to a minute grid, or undefined past it. */
function firstCovered(covered: readonly boolean[], grid: number, t: number): number | undefined {
  for (let i = Math.floor((t - grid) / MINUTE); i < covered.length; i++) {
    if (covered[i] === true) return Math.max(grid + i * MINUTE, t);
  }
  return undefined;
}

/** The first instant > t whose coverage differs from `open`, on the minute grid. */
function firstFlip(
  covered: readonly boolean[],
  grid: number,
  t: number,
  open: boolean,
): number | undefined {
  for (let i = Math.floor((t - grid) / MINUTE) + 1; i < covered.length; i++) {
    if (covered[i] !== open) return grid + i * MINUTE;
  }
  return undefined;
}

function checkNextOpen(actual: Date | null, expected: number | undefined, gridEnd: number): void {
  if (expected !== undefined) expect(actual?.toISOString()).toBe(new Date(expected).toISOString());
  else if (actual !== null) expect(actual.getTime()).toBeGreaterThanOrEqual(gridEnd);
}

describe('against a minute-by-minute brute force of the spec', () => {
  it(
    'isOpen, openIntervals and nextOpen agree with it for one schedule',
    () => {
      fc.assert(
        fc.property(scheduleShape, windowShape, (shape, windowInput) => {
          const w = resolveWindow(windowInput, shape);
          const raw = resolveSchedule(shape, w.grid);
          const schedule = parseSchedule(raw);
          const covered = bruteMinutes(raw, w.grid, w.minutes);

          const wrong = covered.flatMap((on, i) => {
            const instant = new Date(w.grid + i * MINUTE + (i % 7) * 8_111);
            return isOpen(schedule, instant) === on ? [] : [instant.toISOString()];
          });
          expect(wrong).toEqual([]);
          expect(iso(openIntervals(schedule, new Date(w.from), new Date(w.to)))).toEqual(
            isoRuns(runsOf(covered, w.grid, w.from, w.to)),
          );
          checkNextOpen(
            nextOpen(schedule, new Date(w.probe)),
            firstCovered(covered, w.grid, w.probe),
            w.grid + w.minutes * MINUTE,
          );
          const explained = explainAt(schedule, new Date(w.probe));
          const openAtProbe = bruteIsOpen(raw, w.probe);
          expect(explained.open).toBe(openAtProbe);
          expect(explained.reason === 'OPEN').toBe(openAtProbe);
          checkNextOpen(
            explained.nextChange,
            firstFlip(covered, w.grid, w.probe, openAtProbe),
            w.grid + w.minutes * MINUTE,
          );
        }),
        runs(64),
      );
    },
    60_000 * SCALE,
  );

  it(
    'sharedOpenIntervals, intersect and nextOpen agree with it for two schedules in two zones',
    () => {
      fc.assert(
        fc.property(scheduleShape, scheduleShape, windowShape, (shapeA, shapeB, windowInput) => {
          const w = resolveWindow(windowInput, shapeA);
          const rawA = resolveSchedule(shapeA, w.grid);
          const rawB = resolveSchedule(shapeB, w.grid);
          const a = parseSchedule(rawA);
          const b = parseSchedule(rawB);
          const coveredA = bruteMinutes(rawA, w.grid, w.minutes);
          const coveredB = bruteMinutes(rawB, w.grid, w.minutes);
          const both = coveredA.map((on, i) => on && coveredB[i] === true);
          const expected = isoRuns(runsOf(both, w.grid, w.from, w.to));
          const from = new Date(w.from);
          const to = new Date(w.to);

          expect(iso(sharedOpenIntervals([a, b], from, to))).toEqual(expected);
          expect(iso(intersect(openIntervals(a, from, to), openIntervals(b, from, to)))).toEqual(
            expected,
          );
          checkNextOpen(
            nextOpen([a, b], new Date(w.probe)),
            firstCovered(both, w.grid, w.probe),
            w.grid + w.minutes * MINUTE,
          );
        }),
        runs(32),
      );
    },
    60_000 * SCALE,
  );

  it(
    'isOpen agrees with it at random instants in every zone Intl knows',
    () => {
      const allZones = Intl.supportedValuesOf('timeZone');
      fc.assert(
        fc.property(
          fc.constantFrom(...allZones),
          weekly,
          fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2040, 0, 1) }),
          (zone, week, at) => {
            const raw: RawSchedule = { timeZone: zone, weekly: week, closures: [] };
            expect(isOpen(parseSchedule(raw), new Date(at))).toBe(bruteIsOpen(raw, at));
          },
        ),
        runs(200),
      );
    },
    60_000 * SCALE,
  );
});
