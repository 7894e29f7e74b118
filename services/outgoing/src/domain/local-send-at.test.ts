import { describe, expect, it } from 'vitest';
import { localSendAt, zonedInstant } from './local-send-at.ts';

const iso = (d: Date) => d.toISOString();

describe('zonedInstant', () => {
  it('reads a wall time in the zone', () => {
    expect(iso(zonedInstant('2026-12-08', '10:00', 'Asia/Kolkata'))).toBe(
      '2026-12-08T04:30:00.000Z',
    );
    expect(iso(zonedInstant('2026-07-08', '10:00', 'Europe/London'))).toBe(
      '2026-07-08T09:00:00.000Z',
    );
  });

  it('spring forward in America/New_York: 02:30 does not exist and moves forward by the gap', () => {
    expect(iso(zonedInstant('2026-03-08', '02:30', 'America/New_York'))).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('fall back in America/New_York: 01:30 occurs twice and is its first occurrence', () => {
    expect(iso(zonedInstant('2026-11-01', '01:30', 'America/New_York'))).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });
});

describe('localSendAt', () => {
  const now = new Date('2026-12-07T06:00:00.000Z');

  it('without a date: the next occurrence in each zone (tomorrow where it is past)', () => {
    expect(iso(localSendAt({ time: '10:00' }, 'Asia/Kolkata', now))).toBe(
      '2026-12-08T04:30:00.000Z',
    );
    expect(iso(localSendAt({ time: '10:00' }, 'Europe/London', now))).toBe(
      '2026-12-07T10:00:00.000Z',
    );
    expect(iso(localSendAt({ time: '10:00' }, 'America/New_York', now))).toBe(
      '2026-12-07T15:00:00.000Z',
    );
  });

  it('with a date: that date in each zone; a past instant is now', () => {
    expect(iso(localSendAt({ time: '10:00', date: '2026-12-09' }, 'Asia/Tokyo', now))).toBe(
      '2026-12-09T01:00:00.000Z',
    );
    expect(iso(localSendAt({ time: '10:00', date: '2026-12-07' }, 'Asia/Kolkata', now))).toBe(
      iso(now),
    );
  });

  it('exactly now is now, not tomorrow', () => {
    expect(iso(localSendAt({ time: '06:00' }, 'UTC', now))).toBe(iso(now));
  });
});
