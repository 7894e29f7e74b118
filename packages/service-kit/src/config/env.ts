import { ConfigError } from './config-error.ts';

/** The environment a service reads its configuration from (injected so tests pass their own). */
export type Env = Readonly<Record<string, string | undefined>>;

function raw(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** A string variable, or `fallback` when unset or blank. */
export function envString(env: Env, name: string, fallback: string): string {
  return raw(env, name) ?? fallback;
}

/** A string variable that may be absent. */
export function envOptionalString(env: Env, name: string): string | undefined {
  return raw(env, name);
}

/** A whole number in [min, max]; anything else stops the start naming the variable. */
export function envInteger(
  env: Env,
  name: string,
  options: { fallback: number; min?: number; max?: number },
): number {
  const value = raw(env, name);
  if (value === undefined) return options.fallback;
  const min = options.min ?? Number.MIN_SAFE_INTEGER;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  if (!/^-?\d+$/.test(value)) throw new ConfigError(name, `'${value}' is not a whole number`);
  const parsed = Number(value);
  if (parsed < min || parsed > max) {
    throw new ConfigError(name, `${parsed} is outside ${min}..${max}`);
  }
  return parsed;
}

/** A positive number (fractions allowed), or undefined when unset. */
export function envOptionalPositiveNumber(env: Env, name: string): number | undefined {
  const value = raw(env, name);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(parsed > 0)) {
    throw new ConfigError(name, `'${value}' is not a positive number`);
  }
  return parsed;
}

/** `1`/`true`/`yes` or `0`/`false`/`no` (case-insensitive). */
export function envBoolean(env: Env, name: string, fallback: boolean): boolean {
  const value = raw(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes'].includes(value)) return true;
  if (['0', 'false', 'no'].includes(value)) return false;
  throw new ConfigError(name, `'${value}' is not a boolean (1/0, true/false, yes/no)`);
}

/** An absolute URL with one of the given protocols. */
export function envUrl(
  env: Env,
  name: string,
  fallback: string,
  protocols: readonly string[] = ['http:', 'https:'],
): URL {
  const value = raw(env, name) ?? fallback;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `'${value}' is not a URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `'${value}' must use ${protocols.join(' or ')}`);
  }
  return url;
}

/** A URL that may be absent. */
export function envOptionalUrl(env: Env, name: string): URL | undefined {
  return raw(env, name) === undefined ? undefined : envUrl(env, name, '');
}

/** A TCP port (0 picks a free one: tests). */
export function envPort(env: Env, name: string, fallback: number): number {
  return envInteger(env, name, { fallback, min: 0, max: 65_535 });
}

/**
 * Where a background worker runs: `on` (in the API process, the default), `off` (API
 * only: another deployment runs it), `only` (the worker alone, no public routes).
 * `1/true/yes` read as on and `0/false/no` as off.
 */
export type WorkerMode = 'on' | 'off' | 'only';

const WORKER_MODES: Readonly<Record<string, WorkerMode>> = {
  on: 'on',
  off: 'off',
  only: 'only',
  '1': 'on',
  true: 'on',
  yes: 'on',
  '0': 'off',
  false: 'off',
  no: 'off',
};

export function envWorkerMode(env: Env, name: string): WorkerMode {
  const value = (raw(env, name) ?? 'on').toLowerCase();
  const mode = WORKER_MODES[value];
  if (mode === undefined) throw new ConfigError(name, `'${value}' is not one of on, off, only`);
  return mode;
}

/** `TEST_CLOCK`: the settable clock, refused with NODE_ENV=production (every component). */
export function envTestClock(env: Env): boolean {
  const testClock = envBoolean(env, 'TEST_CLOCK', false);
  if (testClock && env['NODE_ENV'] === 'production') {
    throw new ConfigError('TEST_CLOCK', 'the test clock is refused when NODE_ENV=production');
  }
  return testClock;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * `TEST_CLOCK_START`: the instant the test clock starts frozen at (an RFC 3339 instant
 * with its offset), so that nothing runs at the real time before a test or benchmark
 * sets the clock. Only with TEST_CLOCK=1; unset, the test clock follows the system clock
 * until it is first set.
 */
export function envTestClockStart(env: Env, testClock: boolean): Date | undefined {
  const value = raw(env, 'TEST_CLOCK_START');
  if (value === undefined) return undefined;
  if (!testClock) throw new ConfigError('TEST_CLOCK_START', 'is only allowed with TEST_CLOCK=1');
  const at = new Date(value);
  if (!ISO_INSTANT.test(value) || Number.isNaN(at.getTime())) {
    throw new ConfigError(
      'TEST_CLOCK_START',
      `'${value}' is not an instant with its offset (e.g. 2026-11-30T10:00:00Z)`,
    );
  }
  return at;
}

/** `SHUTDOWN_TIMEOUT_MS`: how long a graceful shutdown may take before the process exits. */
export function envShutdownTimeoutMs(env: Env): number {
  return envInteger(env, 'SHUTDOWN_TIMEOUT_MS', { fallback: 25_000, min: 0, max: 600_000 });
}

/** A poll interval in ms: how long a background loop sleeps when idle (10 ms to `max`; default 1 s). */
export function envPollIntervalMs(env: Env, name: string, max = 60_000): number {
  return envInteger(env, name, { fallback: 1_000, min: 10, max });
}

/**
 * A claim's lease in ms: a claim not renewed for this long is taken over by another
 * worker (1 s to a day; default 30 s).
 */
export function envLeaseMs(env: Env, name: string): number {
  return envInteger(env, name, { fallback: 30_000, min: 1_000, max: 86_400_000 });
}

/** How long a call to another party may take, in ms (at least 100 ms). */
export function envCallTimeoutMs(
  env: Env,
  name: string,
  range: { readonly fallback: number; readonly max: number },
): number {
  return envInteger(env, name, { fallback: range.fallback, min: 100, max: range.max });
}
