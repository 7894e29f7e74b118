import { ConfigError } from './config-error.ts';
import type { Env } from './env.ts';

/** Visible ASCII without spaces or commas, 16–512 characters: fits a header, hard to guess. */
const INTERNAL_TOKEN_PATTERN = /^[\x21-\x2b\x2d-\x7e]{16,512}$/;

/**
 * `INTERNAL_TOKEN`: the shared secret services ask for on `/internal/*` and send to each
 * other. Undefined when unset (the routes then stay open, with a warning at start).
 *
 * @throws {ConfigError} when the value is malformed, or when it is unset with
 *   `NODE_ENV=production` and `requiredInProduction` (every service; the gateway only
 *   sends it, for the test clock, which production refuses anyway).
 */
export function envInternalToken(
  env: Env,
  options: { requiredInProduction: boolean },
): string | undefined {
  const value = env['INTERNAL_TOKEN']?.trim();
  if (value === undefined || value === '') {
    if (options.requiredInProduction && env['NODE_ENV'] === 'production') {
      throw new ConfigError(
        'INTERNAL_TOKEN',
        'required when NODE_ENV=production (the shared secret for /internal/* routes)',
      );
    }
    return undefined;
  }
  if (!INTERNAL_TOKEN_PATTERN.test(value)) {
    throw new ConfigError(
      'INTERNAL_TOKEN',
      'must be 16 to 512 printable ASCII characters, without spaces or commas',
    );
  }
  return value;
}
