import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import {
  GATEWAY,
  SERVICE_NAMES,
  SERVICES,
} from '../packages/service-kit/src/contracts/services.ts';
import { INSTANCE_ID_ENV } from '../packages/service-kit/src/http/instance-id.ts';
import { portTaken, probeHealth, waitUntilAnswering, type ProbeTarget } from './port-probe.ts';

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

/**
 * The default stack: the three services and the gateway, each started from its own package.
 * Only the gateway may listen beyond loopback: the services get HOST=127.0.0.1 whatever
 * HOST says (their `/internal/*` routes are for the stack's own components).
 */
export function defaultComponents(root: string, env: NodeJS.ProcessEnv): StackComponent[] {
  const service = (name: string, dir: string, port: string, loopback = true): StackComponent => ({
    name,
    cwd: join(root, dir),
    args: startArgs(join(root, dir)),
    env: loopback ? { PORT: port, HOST: '127.0.0.1' } : { PORT: port },
  });
  return [
    ...SERVICE_NAMES.map((name) => {
      const { dir, urlVariable, port } = SERVICES[name];
      return service(name, dir, portOf(env[urlVariable], port));
    }),
    service(
      'gateway',
      GATEWAY.dir,
      env['GATEWAY_PORT']?.trim() || env['PORT']?.trim() || String(GATEWAY.port),
      false,
    ),
  ];
}

/**
 * The Node arguments of a package's own `start` script (`node [flags] dist/server.js`, its
 * bundle), so the stack runs each component exactly as `pnpm --filter <package> start` does
 * (the V8 heap flags included); `dist/server.js` when the script is not of that form.
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
  return ['dist/server.js'];
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
 * Starts every component as a child process with prefixed output. Nothing starts when a
 * component's port already accepts connections (another program holds it: the user's
 * requests would reach that program). The stack is *up* once every component answers
 * `GET /healthz` on its PORT with the instance id this run gave it (STACK_INSTANCE_ID,
 * echoed in `x-stack-instance`), so a port held by someone else is never taken for one of
 * ours: an answer without that id stops the stack, naming the port. A component that
 * exits on its own before that (a bad variable, a port in use) stops the others: the
 * stack cannot start. One that exits after that is reported and the others keep running,
 * as with `docker compose up`: the gateway answers 503 for a service that is down,
 * instead of the whole API disappearing. Either way the runner exits non-zero once
 * everything has exited. `stop()` ends them all with SIGTERM (SIGKILL after the timeout),
 * so no process outlives the runner.
 */
export function startStack(options: StackOptions): RunningStack {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const width = Math.max(...options.components.map((component) => component.name.length));
  const children = new Map<string, ChildProcess>();
  const exits: Array<
    Promise<{ name: string; code: number | null; signal: NodeJS.Signals | null }>
  > = [];
  const diagnoses: Array<Promise<void>> = [];
  const run = randomBytes(8).toString('hex');
  const targets: ProbeTarget[] = options.components.flatMap((component) => {
    const port = Number(component.env?.['PORT']);
    return Number.isInteger(port) && port > 0
      ? [{ name: component.name, port, instance: `${run}.${component.name}` }]
      : [];
  });
  let stopping = false;
  let failed = false;
  let up = false;
  let stopPromise: Promise<number> | undefined;

  const note = (line: string): void => void stdout.write(`[stack] ${line}\n`);

  function spawnAll(): void {
    for (const component of options.components) {
      const prefix = `[${component.name}]${' '.repeat(width - component.name.length)} `;
      const child = spawn(process.execPath, [...component.args], {
        cwd: component.cwd,
        env: {
          ...options.env,
          ...component.env,
          [INSTANCE_ID_ENV]: `${run}.${component.name}`,
        },
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
                diagnoses.push(diagnoseExit(component.name));
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
  }

  /** Why a component could not start, when its port tells: someone else listens there. */
  async function diagnoseExit(name: string): Promise<void> {
    const target = targets.find((candidate) => candidate.name === name);
    if (target === undefined) return;
    if ((await probeHealth(target.port)).kind !== 'free') {
      note(`port ${target.port} is in use by another program: ${name} could not listen on it`);
    }
  }

  async function start(): Promise<void> {
    const taken = await Promise.all(targets.map(async (t) => ((await portTaken(t.port)) ? t : [])));
    const busy = taken.flat();
    if (busy.length > 0) {
      failed = true;
      for (const { name, port } of busy) {
        note(`port ${port} (${name}) is already in use by another program`);
      }
      note('nothing started: stop that program or give the stack other ports');
      return;
    }
    if (stopping) return;
    spawnAll();
    const outcome = await waitUntilAnswering(
      targets,
      () => stopping || failed,
      ({ name, port }) =>
        note(`port ${port} accepts connections but ${name} has not answered there yet`),
    );
    if (outcome.kind === 'impostor') {
      const { name, port } = outcome.target;
      failed = true;
      note(
        `port ${port} answers (HTTP ${outcome.status}), but not as the ${name} this run started: ` +
          'another program is listening on it; stopping the stack',
      );
      void stop();
    } else if (outcome.kind === 'up') {
      up = true;
      note(
        `up: every component is listening (${targets.map((t) => t.port).join(', ')}), ` +
          'each answering as the process this run started',
      );
    }
  }

  const exited = start()
    .then(() => Promise.all(exits))
    .then(async (results) => {
      await Promise.all(diagnoses);
      const unclean = results.filter(
        (result) =>
          !(result.code === 0 || result.signal === 'SIGTERM' || result.signal === 'SIGINT'),
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

function pipeLines(source: NodeJS.ReadableStream | null, target: Writable, prefix: string): void {
  if (source === null) return;
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  lines.on('line', (line) => void target.write(`${prefix}${line}\n`));
}
