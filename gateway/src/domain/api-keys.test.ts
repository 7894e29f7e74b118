import { describe, expect, it } from 'vitest';
import { ApiKeys } from './api-keys.ts';

describe('ApiKeys', () => {
  const keys = new ApiKeys(['first-key-0123456789', 'second-key-0123456789']);

  it('identifies an accepted key by its position', () => {
    expect(keys.match('first-key-0123456789')).toBe(0);
    expect(keys.match('second-key-0123456789')).toBe(1);
  });

  it('rejects a key that differs by one character, a prefix, or an empty key', () => {
    expect(keys.match('first-key-0123456788')).toBe(-1);
    expect(keys.match('first-key')).toBe(-1);
    expect(keys.match('')).toBe(-1);
  });

  it('accepts nothing when no keys are configured', () => {
    expect(new ApiKeys([]).match('anything')).toBe(-1);
  });
});
