import { describe, expect, it } from 'vitest';
import type { ConfigError } from './config-error.ts';
import { readServiceConfig } from './service-config.ts';

describe('readServiceConfig: INTERNAL_TOKEN', () => {
  it.each(['customer', 'outgoing', 'incoming'] as const)(
    '%s refuses NODE_ENV=production without it, and reads it when given',
    (service) => {
      expect(() => readServiceConfig(service, { NODE_ENV: 'production' })).toThrow(
        expect.objectContaining({ variable: 'INTERNAL_TOKEN' }) as ConfigError,
      );
      const token = 'a-production-token-0123456789';
      expect(
        readServiceConfig(service, { NODE_ENV: 'production', INTERNAL_TOKEN: token }).internalToken,
      ).toBe(token);
      expect(readServiceConfig(service, {}).internalToken).toBeUndefined();
    },
  );
});
