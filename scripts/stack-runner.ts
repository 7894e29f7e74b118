import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';

/** One process of the stack: a name for its output prefix, what to run, where. */
export interface StackComponent {
  readonly name: string;
  readonly cwd: string;
  /** Arguments to `node` (the same Node that runs the stack runner). */
  readonly args: readonly string[];
  /** Variables for this component only, over the shared environment (e.g. its PORT). */
  readonly env?: Readonly<Record<string, string>>;
}

export interface StackOptions {
  readonly components: readonly StackComponent[];
  /** The environment every component gets (the one the stack runner was given). */
  readonly env: NodeJS.ProcessEnv;
  readonly stdout?: Writable;
  readonly stderr?: Writable;
  /** How long to wait after SIGTERM before SIGKILL. */
  readonly stopTimeoutMs?: number;
}

export interface RunningStack {
  /** Resolves with the exit code the runner should exit with, once every process has exited. */
  readonly exited: Promise<number>;
  /** SIGTERM to every process, SIGKILL after the timeout; resolves like `exited`. */
  stop(reason?: string): Promise<number>;
}

/** The default stack: the three services and the gateway, each started from its own package. */
export function defaultComponents(root: string, env: NodeJS.ProcessEnv): StackComponent[] {
  const service = (name: string, dir: string, port: string): StackComponent => ({
    name,
    cwd: join(root, dir),
    args: startArgs(join(root, dir)),
    env: { PORT: port },
  });
  return [
    service('customer', 'services/customer', portOf(env['CUSTOMER_SERVICE_URL'], 3001)),
    service('outgoing', 'services/outgoing', portOf(env['OUTGOING_SERVICE_URL'], 3002)),
    service('incoming', 'services/incoming', portOf(env['INCOMING_SERVICE_URL'], 3003)),
    service('gateway', 'gateway', env['GATEWAY_PORT']?.trim() || env['PORT']?.trim() || '8080'),
  ];
}

/**
 * The Node arguments of a package's own `start` script (`node [flags] src/server.ts`), so
 * the stack runs each component exactly as `pnpm --filter <package> start` does (the
 * gateway's V8 heap flags included); `src/server.ts` when the script is not of that form.
 */
export function startArgs(packageDir: string): string[] {
  try {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
      scripts?: { start?: string };
    };
    const words = manifest.scripts?.start?.trim().split(/\s+/) ?? [];
    if (
      words[0] === 'node' &&
      words.length > 1 &&
      words.every((word) => /^[\w./=-]+$/.test(word))
    ) {
      return words.slice(1);
    }
  } catch {
    // no readable package.json: the conventional entry point
  }
  return ['src/server.ts'];
}

/**
 * The port a service listens on in the stack is the one its URL names, so that
 * `CUSTOMER_SERVICE_URL=http://127.0.0.1:4001` moves both the service and its callers.
 */
function portOf(url: string | undefined, fallback: number): string {
  if (url === undefined || url.trim() === '') return String(fallback);
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return String(fallback); // the service itself reports the bad variable by name
  }
  return parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
}

/**
 * Starts every component as a child process with prefixed output. The stack is *up* once
 * every component accepts connections on its PORT. A component that exits on its own
 * before that (a bad variable, a port in use) stops the others: the stack cannot start.
 * One that exits after that is reported and the others keep running, as with
 * `docker compose up`: the gateway answers 503 for a service that is down, instead of the
 * whole API disappearing. Either way the runner exits non-zero once everything has
 * exited. `stop()` ends them all with SIGTERM (SIGKILL after the timeout), so no process
 * outlives the runner.
 */
export function startStack(options: StackOptions): RunningStack {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const width = Math.max(...options.components.map((component) => component.name.length));
  const children = new Map<string, ChildProcess>();
  const exits: Array<
    Promise<{ name: string; code: number | null; signal: NodeJS.Signals | null }>
  > = [];
  let stopping = false;
  let failed = false;
  let up = false;
  let stopPromise: Promise<number> | undefined;

  const note = (line: string): void => void stdout.write(`[stack] ${line}\n`);

  for (const component of options.components) {
    const prefix = `[${component.name}]${' '.repeat(width - component.name.length)} `;
    const child = spawn(process.execPath, [...component.args], {
      cwd: component.cwd,
      env: { ...options.env, ...component.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.set(component.name, child);
    pipeLines(child.stdout, stdout, prefix);
    pipeLines(child.stderr, stderr, prefix);
    exits.push(
      new Promise((resolve) => {
        child.once('error', (error) => {
          stderr.write(`${prefix}could not start: ${error.message}\n`);
          resolve({ name: component.name, code: 1, signal: null });
        });
        child.once('close', (code, signal) => {
          if (!stopping) {
            failed = true;
            const how = `${component.name} exited unexpectedly (${signal ?? `code ${code}`})`;
            if (up) {
              note(`${how}; the others keep running (Ctrl-C stops them)`);
            } else {
              note(`${how} while starting; stopping the stack`);
              void stop();
            }
          }
          resolve({ name: component.name, code, signal });
        });
      }),
    );
  }
  note(
    `started ${options.components.map((c) => `${c.name} (pid ${children.get(c.name)?.pid})`).join(', ')}`,
  );

  const ports = options.components
    .map((component) => Number(component.env?.['PORT']))
    .filter((port) => Number.isInteger(port) && port > 0);
  void waitUntilListening(ports, () => stopping || failed).then((listening) => {
    if (!listening) return;
    up = true;
    note(`up: every component is listening (${ports.join(', ')})`);
  });

  const exited = Promise.all(exits).then((results) => {
    const unclean = results.filter(
      (result) => !(result.code === 0 || result.signal === 'SIGTERM' || result.signal === 'SIGINT'),
    );
    return failed || unclean.length > 0 ? 1 : 0;
  });

  function stop(reason?: string): Promise<number> {
    if (stopPromise) return stopPromise;
    stopping = true;
    if (reason) note(`${reason}: stopping`);
    for (const child of children.values()) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    }
    const timer = setTimeout(() => {
      for (const [name, child] of children) {
        if (child.exitCode === null && child.signalCode === null) {
          note(`${name} did not stop in time; killing it`);
          child.kill('SIGKILL');
        }
      }
    }, options.stopTimeoutMs ?? 30_000);
    stopPromise = exited.finally(() => clearTimeout(timer));
    return stopPromise;
  }

  return { exited, stop };
}

/** Resolves true once every port accepts a TCP connection on 127.0.0.1; false if `abandon()`. */
async function waitUntilListening(
  ports: readonly number[],
  abandon: () => boolean,
): Promise<boolean> {
  const pending = new Set(ports);
  while (pending.size > 0) {
    if (abandon()) return false;
    for (const port of [...pending]) if (await accepts(port)) pending.delete(port);
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !abandon();
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

function pipeLines(source: NodeJS.ReadableStream | null, target: Writable, prefix: string): void {
  if (source === null) return;
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  lines.on('line', (line) => void target.write(`${prefix}${line}\n`));
}
