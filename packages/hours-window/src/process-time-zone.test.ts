import { describe, expect, it } from 'vitest';

describe('the process time zone of this run', () => {
  it('is the one the vitest project asked for, so the suite really runs under several TZ values', () => {
    const expected = process.env.EXPECTED_TZ;
    if (expected === undefined) return;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(expected);
    const offsets: Record<string, number> = {
      UTC: 0,
      'Asia/Tokyo': -540,
      'America/Los_Angeles': 480,
    };
    if (expected in offsets)
      expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe(offsets[expected]);
  });
});
