import { ConfigError } from '@screenmagic/service-kit/core';
import { describe, expect, it } from 'vitest';
import { readGatewayConfig } from './config.ts';

function configError(env: Record<string, string>): ConfigError {
  try {
    readGatewayConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('readGatewayConfig', () => {
  it('has the documented defaults', () => {
    const config = readGatewayConfig({});
    expect(config).toMatchObject({
      port: 8080,
      apiKeys: [],
      rateLimitPerMinute: 6_000,
      upstreamTimeoutMs: 30_000,
      testClock: false,
      metricsPort: 9080,
      requestMetrics: true,
    });
    expect(config.serviceUrls.customer.href).toBe('http://127.0.0.1:3001/');
    expect(config.serviceUrls.incoming.href).toBe('http://127.0.0.1:3003/');
  });

  it('reads comma-separated keys, trimmed, without duplicates', () => {
    expect(readGatewayConfig({ GATEWAY_API_KEYS: ' one-key , two-key,,one-key ' }).apiKeys).toEqual(
      ['one-key', 'two-key'],
    );
  });

  it('refuses to start in production without API keys, naming GATEWAY_API_KEYS', () => {
    const error = configError({ NODE_ENV: 'production' });
    expect(error.variable).toBe('GATEWAY_API_KEYS');
    expect(error.message).toContain('GATEWAY_API_KEYS');
    expect(readGatewayConfig({ NODE_ENV: 'production', GATEWAY_API_KEYS: 'k1' }).apiKeys).toEqual([
      'k1',
    ]);
  });

  it('refuses the test clock in production', () => {
    expect(
      configError({ NODE_ENV: 'production', GATEWAY_API_KEYS: 'k1', TEST_CLOCK: '1' }).variable,
    ).toBe('TEST_CLOCK');
  });

  it('names the variable holding a bad value', () => {
    expect(configError({ RATE_LIMIT_PER_MINUTE: 'many' }).variable).toBe('RATE_LIMIT_PER_MINUTE');
    expect(configError({ RATE_LIMIT_PER_MINUTE: '0' }).variable).toBe('RATE_LIMIT_PER_MINUTE');
    expect(configError({ UPSTREAM_TIMEOUT_MS: '-5' }).variable).toBe('UPSTREAM_TIMEOUT_MS');
    expect(configError({ OUTGOING_SERVICE_URL: 'not a url' }).variable).toBe(
      'OUTGOING_SERVICE_URL',
    );
    expect(configError({ GATEWAY_API_KEYS: 'has space' }).variable).toBe('GATEWAY_API_KEYS');
    expect(configError({ PORT: '70000' }).variable).toBe('PORT');
  });
});
