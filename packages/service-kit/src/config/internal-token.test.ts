import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.ts';
import { envInternalToken } from './internal-token.ts';

const required = { requiredInProduction: true };

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('INTERNAL_TOKEN', () => {
  it('is read trimmed', () => {
    expect(envInternalToken({ INTERNAL_TOKEN: '  a-token-of-sixteen+  ' }, required)).toBe(
      'a-token-of-sixteen+',
    );
  });

  it('may be unset outside production', () => {
    expect(envInternalToken({}, required)).toBeUndefined();
    expect(
      envInternalToken({ NODE_ENV: 'development', INTERNAL_TOKEN: ' ' }, required),
    ).toBeUndefined();
  });

  it('is required with NODE_ENV=production, naming the variable', () => {
    const error = configError(() => envInternalToken({ NODE_ENV: 'production' }, required));
    expect(error.variable).toBe('INTERNAL_TOKEN');
    expect(error.message).toContain('NODE_ENV=production');
    expect(
      envInternalToken({ NODE_ENV: 'production' }, { requiredInProduction: false }),
    ).toBeUndefined();
  });

  it('refuses a short token or one with spaces or commas', () => {
    for (const value of ['short', 'has a space in the middle', 'comma,separated-0123456789']) {
      expect(
        configError(() => envInternalToken({ INTERNAL_TOKEN: value }, required)).variable,
      ).toBe('INTERNAL_TOKEN');
    }
  });
});
