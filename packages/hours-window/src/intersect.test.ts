import { describe, expect, it } from 'vitest';
import { intersect } from './intersect.ts';
import { iso, span } from './testing/helpers.ts';

describe('intersect', () => {
  it('keeps the instants present in every list', () => {
    const a = [
      span('2026-01-05T09:00Z', '2026-01-05T18:00Z'),
      span('2026-01-06T09:00Z', '2026-01-06T18:00Z'),
    ];
    const b = [span('2026-01-05T13:00Z', '2026-01-06T10:00Z')];
    const c = [span('2026-01-05T00:00Z', '2026-01-07T00:00Z')];
    expect(iso(intersect(a, b, c))).toEqual([
      ['2026-01-05T13:00:00.000Z', '2026-01-05T18:00:00.000Z'],
      ['2026-01-06T09:00:00.000Z', '2026-01-06T10:00:00.000Z'],
    ]);
  });

  it('half-open intervals that only touch share nothing', () => {
    expect(
      intersect(
        [span('2026-01-05T09:00Z', '2026-01-05T12:00Z')],
        [span('2026-01-05T12:00Z', '2026-01-05T15:00Z')],
      ),
    ).toEqual([]);
  });

  it('merges touching pieces of the result', () => {
    const a = [
      span('2026-01-05T09:00Z', '2026-01-05T12:00Z'),
      span('2026-01-05T12:00Z', '2026-01-05T15:00Z'),
    ];
    expect(iso(intersect(a, [span('2026-01-05T10:00Z', '2026-01-05T14:00Z')]))).toEqual([
      ['2026-01-05T10:00:00.000Z', '2026-01-05T14:00:00.000Z'],
    ]);
  });

  it('accepts unsorted, overlapping input without mutating it, and drops empty intervals', () => {
    const a = Object.freeze([
      span('2026-01-05T14:00Z', '2026-01-05T16:00Z'),
      span('2026-01-05T09:00Z', '2026-01-05T11:00Z'),
      span('2026-01-05T10:00Z', '2026-01-05T12:00Z'),
      span('2026-01-05T20:00Z', '2026-01-05T20:00Z'),
    ]);
    const before = iso(a);
    expect(iso(intersect(a))).toEqual([
      ['2026-01-05T09:00:00.000Z', '2026-01-05T12:00:00.000Z'],
      ['2026-01-05T14:00:00.000Z', '2026-01-05T16:00:00.000Z'],
    ]);
    expect(iso(a)).toEqual(before);
  });

  it('is empty when any list is empty, and refuses no lists at all', () => {
    expect(intersect([span('2026-01-05T09:00Z', '2026-01-05T12:00Z')], [])).toEqual([]);
    expect(() => intersect()).toThrow(RangeError);
  });

  it('returns fresh Date objects', () => {
    const a = [span('2026-01-05T09:00Z', '2026-01-05T12:00Z')];
    const [result] = intersect(a);
    expect(result?.start).not.toBe(a[0]?.start);
  });
});
