import { Webhook } from 'standardwebhooks';
import { ConfigError } from '../config/config-error.ts';
import type { BackoffPolicy } from '../queue/backoff.ts';
import {
  type Env,
  envCallTimeoutMs,
  envInteger,
  envOptionalUrl,
  envPollIntervalMs,
} from '../config/env.ts';
import { type SigningKey, WebhookSigner } from './webhook-signer.ts';

/**
 * Reads a comma-separated list of Standard Webhooks secrets (`whsec_<base64>`) from
 * `name`: undefined when unset or blank. Each must have the prefix and decode to key
 * bytes (the library's own parser decides); throws ConfigError naming the variable.
 *
 * @example
 * readWebhookSecrets({ EVENTS_WEBHOOK_SECRETS: 'whsec_a2V5MQ==, whsec_a2V5Mg==' }, 'EVENTS_WEBHOOK_SECRETS')
 * // => [{ kind: 'whsec', secret: 'whsec_a2V5MQ==' }, { kind: 'whsec', secret: 'whsec_a2V5Mg==' }]
 */
export function readWebhookSecrets(env: Env, name: string): SigningKey[] | undefined {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return undefined;
  return value.split(',').map((part, index) => {
    const secret = part.trim();
    if (!secret.startsWith('whsec_')) {
      throw new ConfigError(
        name,
        `secret ${index + 1} must start with "whsec_" (Standard Webhooks)`,
      );
    }
    try {
      new Webhook(secret);
    } catch (error) {
      throw new ConfigError(
        name,
        `secret ${index + 1} is not valid base64 after "whsec_": ${(error as Error).message}`,
      );
    }
    if (secret.length <= 'whsec_'.length) {
      throw new ConfigError(name, `secret ${index + 1} is empty after "whsec_"`);
    }
    return { kind: 'whsec' as const, secret };
  });
}

/** The events webhook (SPEC §7): where lifecycle events go, and how they are signed. */
export interface EventsWebhookConfig {
  readonly url: URL;
  /** undefined: unsigned (refused in production). */
  readonly signer: WebhookSigner | undefined;
  /** How long one POST may take before it counts as failed. */
  readonly timeoutMs: number;
  /** The publisher's wait after finding nothing to send. */
  readonly pollIntervalMs: number;
  /** The wait after a failed POST: doubling from `baseMs` to `maxMs`, jittered. */
  readonly retry: BackoffPolicy;
}

/**
 * `EVENTS_WEBHOOK_URL` (unset: no events are recorded or sent) and
 * `EVENTS_WEBHOOK_SECRETS`; tuning: `EVENTS_WEBHOOK_TIMEOUT_MS` (10 s),
 * `EVENTS_POLL_INTERVAL_MS` (1 s), `EVENTS_RETRY_BASE_MS` (1 s), `EVENTS_RETRY_MAX_MS` (5 min). With `NODE_ENV=production` a URL without secrets is refused
 * (ConfigError naming EVENTS_WEBHOOK_SECRETS): receivers must be able to trust events.
 */
export function readEventsWebhook(env: Env): EventsWebhookConfig | undefined {
  const url = envOptionalUrl(env, 'EVENTS_WEBHOOK_URL');
  const keys = readWebhookSecrets(env, 'EVENTS_WEBHOOK_SECRETS');
  if (url === undefined) return undefined;
  if (keys === undefined && env['NODE_ENV'] === 'production') {
    throw new ConfigError(
      'EVENTS_WEBHOOK_SECRETS',
      'is required with EVENTS_WEBHOOK_URL in production (events must be signed)',
    );
  }
  return Object.freeze({
    url,
    signer: keys === undefined ? undefined : new WebhookSigner(keys),
    timeoutMs: envCallTimeoutMs(env, 'EVENTS_WEBHOOK_TIMEOUT_MS', {
      fallback: 10_000,
      max: 120_000,
    }),
    pollIntervalMs: envPollIntervalMs(env, 'EVENTS_POLL_INTERVAL_MS'),
    retry: Object.freeze({
      baseMs: envInteger(env, 'EVENTS_RETRY_BASE_MS', { fallback: 1_000, min: 10, max: 3_600_000 }),
      growth: 2,
      maxMs: envInteger(env, 'EVENTS_RETRY_MAX_MS', {
        fallback: 300_000,
        min: 10,
        max: 86_400_000,
      }),
    }),
  });
}
