/**
 * Offline validation of docker-compose.yml: the Compose CLI itself (`docker compose
 * config`, or Debian's docker-compose 1.29 where no Docker is installed) interpolates the
 * variables and validates the file against the Compose schema; the tests then check what
 * it resolved to.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { REPO_ROOT } from './kubernetes.ts';

const run = promisify(execFile);

export interface ComposeService {
  readonly image?: string;
  readonly build?: {
    readonly context: string;
    readonly dockerfile?: string;
    readonly args?: Record<string, string>;
  };
  readonly environment?: Record<string, string | number | null>;
  readonly ports?: unknown[];
  readonly expose?: unknown[];
  readonly depends_on?: Record<string, { readonly condition: string }>;
  readonly healthcheck?: { readonly test: string | string[] };
  readonly init?: boolean;
  readonly volumes?: Array<string | { readonly source?: string; readonly target: string }>;
  readonly stop_grace_period?: string;
}

export interface ComposeConfig {
  readonly services: Record<string, ComposeService>;
}

/** The Compose CLI here: `docker compose` (v2) when it answers, else `docker-compose`. */
export async function composeCommand(): Promise<[string, ...string[]]> {
  const candidates: Array<[string, ...string[]]> = [['docker', 'compose'], ['docker-compose']];
  for (const command of candidates) {
    try {
      await run(command[0], [...command.slice(1), 'version'], { env: cleanEnv() });
      return command;
    } catch {
      // next candidate
    }
  }
  throw new Error(
    "No Compose CLI: install Docker Compose, or Debian's `apt-get install -y docker-compose` " +
      '(scripts/validate-infra.sh does this when run as root)',
  );
}

/**
 * `config` of docker-compose.yml, with `envFile` (relative to the repository) or with no
 * settings at all (the defaults written in the file). Runs with a bare environment so the
 * caller's shell variables do not leak into the interpolation.
 */
export async function renderCompose(envFile: string | undefined): Promise<ComposeConfig> {
  const [command, ...prefix] = await composeCommand();
  const args = [
    ...prefix,
    '--project-directory',
    REPO_ROOT,
    '-f',
    join(REPO_ROOT, 'docker-compose.yml'),
    // An empty env file stands for "no .env": a developer's own .env must not change the result.
    '--env-file',
    envFile === undefined
      ? join(REPO_ROOT, 'infra', 'validate', 'empty.env')
      : join(REPO_ROOT, envFile),
    'config',
  ];
  const { stdout } = await run(command, args, { env: cleanEnv(), maxBuffer: 8 * 1024 * 1024 });
  return parse(stdout) as ComposeConfig;
}

/** Every `${VAR…}` the compose file interpolates. */
export function interpolatedVariables(composeText: string): Set<string> {
  const names = new Set<string>();
  for (const match of composeText.matchAll(/(?<!\$)\$\{([A-Z0-9_]+)/g)) {
    if (match[1]) names.add(match[1]);
  }
  return names;
}

/** The variables an env file assigns (`NAME=value` lines). */
export function assignedVariables(envText: string): Set<string> {
  const names = new Set<string>();
  for (const line of envText.split('\n')) {
    const match = /^([A-Z0-9_]+)=/.exec(line);
    if (match?.[1]) names.add(match[1]);
  }
  return names;
}

function cleanEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/root' };
}
