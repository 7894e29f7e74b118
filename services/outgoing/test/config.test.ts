import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.ts';

const base = { INTERNAL_TOKEN: 'x'.repeat(32) };
const URL_ = 'https://hooks.example/deliveries';
const WHSEC = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('outgoing webhook configuration', () => {
  it('refuses a production delivery webhook without any secret, naming the variable', () => {
    expect(() =>
      readConfig({ ...base, NODE_ENV: 'production', DELIVERY_WEBHOOK_URL: URL_ }),
    ).toThrow(/^DELIVERY_WEBHOOK_SECRET: is required/);
  });

  it('accepts DELIVERY_WEBHOOK_SECRETS alone in production: no X-Signature, one key each', () => {
    const config = readConfig({
      ...base,
      NODE_ENV: 'production',
      DELIVERY_WEBHOOK_URL: URL_,
      DELIVERY_WEBHOOK_SECRETS: `${WHSEC},${WHSEC}`,
    });
    expect(config.webhook?.secret).toBeUndefined();
    expect(config.webhook?.signer?.keyCount).toBe(2);
  });

  it('signs the Standard Webhooks headers with DELIVERY_WEBHOOK_SECRET when it is alone', () => {
    const config = readConfig({
      ...base,
      DELIVERY_WEBHOOK_URL: URL_,
      DELIVERY_WEBHOOK_SECRET: 's',
    });
    expect(config.webhook?.secret).toBe('s');
    expect(config.webhook?.signer?.keyCount).toBe(1);
  });

  it('refuses a production events webhook without EVENTS_WEBHOOK_SECRETS', () => {
    expect(() => readConfig({ ...base, NODE_ENV: 'production', EVENTS_WEBHOOK_URL: URL_ })).toThrow(
      /^EVENTS_WEBHOOK_SECRETS: is required/,
    );
  });
});

describe('customer replica configuration', () => {
  it('bounds staleness at 5 s and polls every second by default', () => {
    expect(readConfig(base).replica).toEqual({ maxStalenessMs: 5_000, pollIntervalMs: 1_000 });
  });

  it('polls at half a short bound unless told otherwise', () => {
    expect(readConfig({ ...base, REPLICA_MAX_STALENESS_MS: '800' }).replica).toEqual({
      maxStalenessMs: 800,
      pollIntervalMs: 400,
    });
  });

  it('refuses a poll interval that would let a healthy replica go stale, naming the variable', () => {
    expect(() =>
      readConfig({ ...base, REPLICA_MAX_STALENESS_MS: '1000', REPLICA_POLL_INTERVAL_MS: '1000' }),
    ).toThrow(/^REPLICA_POLL_INTERVAL_MS: must be below REPLICA_MAX_STALENESS_MS/);
    expect(() => readConfig({ ...base, REPLICA_MAX_STALENESS_MS: 'soon' })).toThrow(
      /^REPLICA_MAX_STALENESS_MS/,
    );
  });
});
