import { AppError } from '@screenmagic/service-kit';
import { describe, expect, it } from 'vitest';
import { windowRange } from './window-range.ts';

const now = new Date('2026-11-30T00:00:00Z');

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.statusCode).toBe(400);
    return error.details[0]?.field;
  }
  return undefined;
}

describe('windowRange', () => {
  it('defaults to the seven days from now', () => {
    const { from, to } = windowRange({}, now);
    expect([from.toISOString(), to.toISOString()]).toEqual([
      '2026-11-30T00:00:00.000Z',
      '2026-12-07T00:00:00.000Z',
    ]);
  });

  it('defaults to to seven days after a given from', () => {
    expect(windowRange({ from: '2026-12-01T05:30:00+05:30' }, now).to.toISOString()).toBe(
      '2026-12-08T00:00:00.000Z',
    );
  });

  it('accepts exactly 31 days and refuses more, naming to', () => {
    expect(windowRange({ to: '2026-12-31T00:00:00Z' }, now).to.toISOString()).toBe(
      '2026-12-31T00:00:00.000Z',
    );
    expect(fieldOf(() => windowRange({ to: '2026-12-31T00:00:01Z' }, now))).toBe('to');
  });

  it('refuses a to that is not after from', () => {
    expect(
      fieldOf(() => windowRange({ from: '2026-12-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }, now)),
    ).toBe('to');
  });

  it('refuses instants outside 1970–9998', () => {
    expect(fieldOf(() => windowRange({ from: '0001-01-01T00:00:00Z' }, now))).toBe('from');
  });
});
