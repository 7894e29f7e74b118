import { describe, expect, it } from 'vitest';
import { localDateOf, weekdayOf } from './local-date.ts';
import { at } from './testing/helpers.ts';

describe('localDateOf and weekdayOf', () => {
  it('gives the date a wall calendar shows in the zone', () => {
    expect(localDateOf(at('2026-12-24T11:30:00Z'), 'Pacific/Auckland')).toBe('2026-12-25');
    expect(localDateOf(at('2026-12-24T11:30:00Z'), 'America/New_York')).toBe('2026-12-24');
    expect(localDateOf(at('2026-12-24T23:59:59.999Z'), 'UTC')).toBe('2026-12-24');
    expect(localDateOf(at('2026-12-25T00:00:00Z'), 'UTC')).toBe('2026-12-25');
  });

  it('names weekdays as schedules do', () => {
    expect(weekdayOf('2026-12-07')).toBe('mon');
    expect(weekdayOf('2026-12-13')).toBe('sun');
    expect(weekdayOf('2000-02-29')).toBe('tue');
    expect(() => weekdayOf('2026-02-29')).toThrow(RangeError);
  });

  it('refuses an unknown zone instead of falling back to UTC', () => {
    expect(() => localDateOf(at('2026-12-24T11:30:00Z'), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => localDateOf(at('2026-12-24T11:30:00Z'), '+05:30')).toThrow(RangeError);
  });
});
