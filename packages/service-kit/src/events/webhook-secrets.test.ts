import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/config-error.ts';
import { readEventsWebhook, readWebhookSecrets } from './webhook-secrets.ts';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('webhook secrets', () => {
  it('reads a comma-separated list of whsec_ secrets', () => {
    expect(readWebhookSecrets({ S: ` ${SECRET} ,whsec_a2V5Mg==` }, 'S')).toEqual([
      { kind: 'whsec', secret: SECRET },
      { kind: 'whsec', secret: 'whsec_a2V5Mg==' },
    ]);
    expect(readWebhookSecrets({}, 'S')).toBeUndefined();
  });

  it('refuses a secret without the prefix, naming the variable', () => {
    expect(() =>
      readWebhookSecrets({ EVENTS_WEBHOOK_SECRETS: 'plain' }, 'EVENTS_WEBHOOK_SECRETS'),
    ).toThrow(/^EVENTS_WEBHOOK_SECRETS: secret 1 must start with "whsec_"/);
  });

  it('refuses an events URL without secrets in production', () => {
    const env = { NODE_ENV: 'production', EVENTS_WEBHOOK_URL: 'https://hooks.example/events' };
    expect(() => readEventsWebhook(env)).toThrow(ConfigError);
    expect(() => readEventsWebhook(env)).toThrow(/^EVENTS_WEBHOOK_SECRETS: is required/);
    expect(readEventsWebhook({ ...env, EVENTS_WEBHOOK_SECRETS: SECRET })?.signer?.keyCount).toBe(1);
  });

  it('sends unsigned events outside production, and none without a URL', () => {
    expect(
      readEventsWebhook({ EVENTS_WEBHOOK_URL: 'http://127.0.0.1:45001/' })?.signer,
    ).toBeUndefined();
    expect(readEventsWebhook({ EVENTS_WEBHOOK_SECRETS: SECRET })).toBeUndefined();
  });
});
