import { describe, expect, it } from 'vitest';
import { clockFor, SettableClock, systemClock } from '../clock.ts';
import { ConfigError } from './config-error.ts';
import { envTestClockStart } from './env.ts';
import { readServiceConfig } from './service-config.ts';

describe('TEST_CLOCK_START', () => {
  it('is unset by default: the test clock follows the system clock until it is set', () => {
    expect(envTestClockStart({ TEST_CLOCK: '1' }, true)).toBeUndefined();
    expect(readServiceConfig('outgoing', { TEST_CLOCK: '1' }).testClockStart).toBeUndefined();
  });

  it('reads an instant with its offset', () => {
    const env = { TEST_CLOCK: '1', TEST_CLOCK_START: '2026-11-30T09:00:00+05:30' };
    expect(readServiceConfig('outgoing', env).testClockStart?.toISOString()).toBe(
      '2026-11-30T03:30:00.000Z',
    );
  });

  it.each(['2026-11-30', '2026-11-30T10:00:00', 'tomorrow', '2026-13-40T10:00:00Z'])(
    "refuses '%s', naming the variable",
    (value) => {
      expect(() => envTestClockStart({ TEST_CLOCK_START: value }, true)).toThrow(
        expect.objectContaining({ variable: 'TEST_CLOCK_START' }),
      );
    },
  );

  it('is refused without TEST_CLOCK=1', () => {
    expect(() =>
      readServiceConfig('outgoing', { TEST_CLOCK_START: '2026-11-30T10:00:00Z' }),
    ).toThrow(ConfigError);
  });

  it('starts the settable clock frozen at that instant', () => {
    const clock = clockFor(true, new Date('2026-11-29T10:00:00Z'));
    expect(clock).toBeInstanceOf(SettableClock);
    expect((clock as SettableClock).isFrozen).toBe(true);
    expect(clock.now().toISOString()).toBe('2026-11-29T10:00:00.000Z');
    expect(clockFor(true)).not.toHaveProperty('isFrozen', true);
    expect(clockFor(false, new Date('2026-11-29T10:00:00Z'))).toBe(systemClock);
  });
});
