import { describe, expect, it } from 'vitest';
import { isValidTimeZone } from './time-zone.ts';

describe('isValidTimeZone', () => {
  it.each([
    ['Asia/Kolkata', true],
    ['UTC', true],
    ['Etc/GMT+5', true],
    ['Asia/Calcutta', true],
    ['america/new_york', true],
    ['+05:30', false],
    ['-08:00', false],
    ['+05', false],
    ['', false],
    [' UTC', false],
    ['Mars/Olympus', false],
    ['GMT+5', false],
  ])('%j → %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });
});
