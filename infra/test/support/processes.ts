/**
 * Real processes for the infra tests: start a deployable from its sources with
 * `node src/server.ts` (the image runs its bundle: image-layout.test.ts), wait until it
 * answers, signal it, collect its output.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export { freePort } from '@screenmagic/service-kit/testing/net';

export interface RunningProcess {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  readonly exited: Promise<number | string>;
}

export interface StartOptions {
  readonly name: string;
  readonly cwd: string;
  readonly port: number;
  readonly env: Record<string, string>;
  /** The command line (default: this Node with `src/server.ts`); `node` on PATH is this Node. */
  readonly command?: readonly string[];
}

/** `node src/server.ts` (or `command`) in `cwd`, with exactly `env` (plus PATH/HOME) and PORT. */
export function startNode(options: StartOptions): RunningProcess {
  const [command = process.execPath, ...args] = options.command ?? [
    process.execPath,
    'src/server.ts',
  ];
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: {
      PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`,
      HOME: process.env['HOME'] ?? '',
      HOST: '127.0.0.1',
      PORT: String(options.port),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  return {
    name: options.name,
    url: `http://127.0.0.1:${options.port}`,
    child,
    output: () => output,
    exited,
  };
}

/** Polls `url` until it answers `status` (or throws with the process's output). */
export async function waitForStatus(
  process: RunningProcess,
  path: string,
  status = 200,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let last = 'no answer';
  while (performance.now() < deadline) {
    if (process.child.exitCode !== null) break;
    try {
      const response = await fetch(`${process.url}${path}`, { signal: AbortSignal.timeout(2_000) });
      last = `${response.status} ${await response.text()}`;
      if (response.status === status) return;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(100);
  }
  throw new Error(
    `${process.name}: ${path} did not answer ${status} (last: ${last}; exit: ${process.child.exitCode})\n${process.output()}`,
  );
}

/** Sends SIGTERM and waits for the exit (SIGKILL after `timeoutMs`, which then fails). */
export async function terminate(
  process: RunningProcess,
  timeoutMs = 30_000,
): Promise<number | string> {
  if (process.child.exitCode !== null || process.child.signalCode !== null) return process.exited;
  process.child.kill('SIGTERM');
  const timer = setTimeout(() => process.child.kill('SIGKILL'), timeoutMs);
  try {
    return await process.exited;
  } finally {
    clearTimeout(timer);
  }
}
