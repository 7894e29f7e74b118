import { describe, expect, it } from 'vitest';
import { ApiKeys, bearerToken } from './api-keys.ts';

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

describe('bearerToken', () => {
  it('reads the token after a case-insensitive Bearer scheme', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('bearer abc')).toBe('abc');
  });

  it('returns nothing for another scheme, a missing header or an empty token', () => {
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Bearer    ')).toBeUndefined();
    expect(bearerToken('Bearer')).toBeUndefined();
  });
});
