import { fileURLToPath } from 'node:url';
import {
  ConfigError,
  DEFAULT_PORTS,
  envBoolean,
  envCallTimeoutMs,
  envInteger,
  envInternalToken,
  envPort,
  envShutdownTimeoutMs,
  envString,
  envTestClock,
  readServiceUrls,
  type Env,
  type ServiceName,
} from '@screenmagic/service-kit/core';

/**
 * The console's built files in the repository (`console/dist`, made by `node console/build.ts`;
 * `pnpm start` builds it when stale). The gateway's image keeps them at the same place
 * relative to the gateway's sources (Dockerfile, infra/docker/prune.ts).
 */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../console/dist/', import.meta.url));

/** The gateway's configuration, read once at start and frozen. */
export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  readonly logLevel: string;
  /** Accepted API keys; empty means authentication is off (refused in production). */
  readonly apiKeys: readonly string[];
  /** Requests per minute per API key (per client IP when authentication is off). */
  readonly rateLimitPerMinute: number;
  /** How long an upstream may take to answer before the gateway gives up (504). */
  readonly upstreamTimeoutMs: number;
  readonly testClock: boolean;
  readonly serviceUrls: Readonly<Record<ServiceName, URL>>;
  /** `INTERNAL_TOKEN`, sent on the gateway's own calls to the services (the test clock's). */
  readonly internalToken: string | undefined;
  readonly shutdownTimeoutMs: number;
  /** Connections kept open to each upstream. */
  readonly upstreamConnections: number;
  /** Where `GET /metrics` is served (never on the public port); 0 picks a free port. */
  readonly metricsPort: number;
  /** Whether requests are counted and timed (off only to measure what that costs). */
  readonly requestMetrics: boolean;
  /** The console's built files, served at /console/ (CONSOLE_DIR; default console/dist). */
  readonly consoleDir: string;
}

const API_KEY_PATTERN = /^[\x21-\x2b\x2d-\x7e]{1,256}$/;

/**
 * Reads the gateway's environment. Throws ConfigError naming the variable when a value is
 * bad, when `NODE_ENV=production` has no `GATEWAY_API_KEYS`, or when it asks for the test
 * clock.
 */
export function readGatewayConfig(env: Env): GatewayConfig {
  const production = env['NODE_ENV'] === 'production';
  const apiKeys = parseApiKeys(env['GATEWAY_API_KEYS']);
  if (production && apiKeys.length === 0) {
    throw new ConfigError(
      'GATEWAY_API_KEYS',
      'required when NODE_ENV=production (comma-separated API keys)',
    );
  }
  const testClock = envTestClock(env);
  return Object.freeze({
    port: envPort(env, 'PORT', DEFAULT_PORTS.gateway),
    host: envString(env, 'HOST', '0.0.0.0'),
    logLevel: envString(env, 'LOG_LEVEL', 'info'),
    apiKeys,
    rateLimitPerMinute: envInteger(env, 'RATE_LIMIT_PER_MINUTE', {
      fallback: 6_000,
      min: 1,
      max: 10_000_000,
    }),
    upstreamTimeoutMs: envCallTimeoutMs(env, 'UPSTREAM_TIMEOUT_MS', {
      fallback: 30_000,
      max: 600_000,
    }),
    testClock,
    serviceUrls: readServiceUrls(env),
    // Not required in production: the gateway calls /internal/* only for the test clock.
    internalToken: envInternalToken(env, { requiredInProduction: false }),
    shutdownTimeoutMs: envShutdownTimeoutMs(env),
    upstreamConnections: envInteger(env, 'UPSTREAM_CONNECTIONS', {
      fallback: 128,
      min: 1,
      max: 4_096,
    }),
    metricsPort: envPort(env, 'GATEWAY_METRICS_PORT', 9080),
    requestMetrics: envBoolean(env, 'REQUEST_METRICS', true),
    consoleDir: envString(env, 'CONSOLE_DIR', DEFAULT_CONSOLE_DIR),
  });
}

function parseApiKeys(raw: string | undefined): readonly string[] {
  if (raw === undefined || raw.trim() === '') return Object.freeze([]);
  const keys = raw
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  keys.forEach((key, index) => {
    if (!API_KEY_PATTERN.test(key)) {
      throw new ConfigError(
        'GATEWAY_API_KEYS',
        `key #${index + 1} must be at most 256 printable ASCII characters, without spaces`,
      );
    }
  });
  return Object.freeze([...new Set(keys)]);
}
