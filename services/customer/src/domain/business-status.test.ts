import { parseSchedule } from '@screenmagic/hours-window';
import { describe, expect, it } from 'vitest';
import { businessStatus } from './business-status.ts';

const weekdays = parseSchedule({
  timeZone: 'UTC',
  start: '09:00',
  end: '18:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  closures: ['2026-12-25'],
});

const status = (calendar: typeof weekdays, iso: string) => {
  const s = businessStatus(calendar, new Date(iso));
  return {
    openNow: s.openNow,
    closesAt: s.closesAt?.toISOString() ?? null,
    nextOpening: s.nextOpening?.toISOString() ?? null,
  };
};

describe('businessStatus', () => {
  it('gives the Monday opening on a Sunday', () => {
    expect(status(weekdays, '2026-11-29T12:00:00Z')).toEqual({
      openNow: false,
      closesAt: null,
      nextOpening: '2026-11-30T09:00:00.000Z',
    });
  });

  it('gives the closing time and the opening after it while open', () => {
    expect(status(weekdays, '2026-12-04T10:00:00Z')).toEqual({
      openNow: true,
      closesAt: '2026-12-04T18:00:00.000Z',
      nextOpening: '2026-12-07T09:00:00.000Z',
    });
  });

  it('counts the closing instant as closed (half-open hours)', () => {
    expect(status(weekdays, '2026-12-01T18:00:00Z')).toEqual({
      openNow: false,
      closesAt: null,
      nextOpening: '2026-12-02T09:00:00.000Z',
    });
  });

  it('skips a holiday', () => {
    expect(status(weekdays, '2026-12-24T19:00:00Z').nextOpening).toBe('2026-12-28T09:00:00.000Z');
  });

  it('finds no closing and no next opening for a business open around the clock', () => {
    const always = parseSchedule({ timeZone: 'UTC', start: '00:00', end: '24:00' });
    expect(status(always, '2026-12-01T10:00:00Z')).toEqual({
      openNow: true,
      closesAt: null,
      nextOpening: null,
    });
  });

  it('follows an open period across the days it spans', () => {
    const weekend = parseSchedule({
      timeZone: 'UTC',
      weekly: { fri: [{ start: '09:00', end: '24:00' }], sat: [{ start: '00:00', end: '24:00' }] },
    });
    expect(status(weekend, '2026-12-04T10:00:00Z')).toEqual({
      openNow: true,
      closesAt: '2026-12-06T00:00:00.000Z',
      nextOpening: '2026-12-11T09:00:00.000Z',
    });
  });
});
