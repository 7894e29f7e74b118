import { randomBytes } from 'node:crypto';

/**
 * The environment `pnpm start` gives every component: the one it was given, with an
 * `INTERNAL_TOKEN` — the given one, or else a random one for this run (32 bytes,
 * base64url) — so the services' `/internal/*` routes are never open on a developer's
 * machine and every caller in the stack holds the same token.
 */
export function withInternalToken(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env['INTERNAL_TOKEN']?.trim()) return env;
  return { ...env, INTERNAL_TOKEN: randomBytes(32).toString('base64url') };
}
