import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export { freePort, waitUntilReady } from '@screenmagic/service-kit/testing/net';

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** The process's peak resident set so far (VmHWM), in MiB. */
  peakRssMiB(): number;
  /** Its current resident set (VmRSS), in MiB. */
  rssMiB(): number;
  /** Calls `listener` with each complete line the process writes to stdout. */
  onLine(listener: (line: string) => void): void;
  stop(): Promise<void>;
}

/**
 * Starts `node <script>` with the given environment; its output is kept for errors.
 * `onUnexpectedExit` hears of an exit that `stop()` did not ask for.
 */
export function startChild(
  name: string,
  script: string,
  env: Record<string, string>,
  onUnexpectedExit?: (message: string) => void,
  nodeFlags: readonly string[] = [],
): Child {
  const child = spawn(process.execPath, [...nodeFlags, script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const listeners: ((line: string) => void)[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    if (listeners.length === 0) return;
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) for (const listener of listeners) listener(line);
  });
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (stopping) return;
    const message = `${name} (pid ${child.pid}) exited unexpectedly (code ${code}, signal ${signal}):\n${output}`;
    if (onUnexpectedExit) onUnexpectedExit(message);
    else if (code !== 0) process.stderr.write(`${message}\n`);
  });
  const status = (field: string): number => {
    const text = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return match ? Number(match[1]) / 1024 : Number.NaN;
  };
  return {
    name,
    process: child,
    peakRssMiB: () => status('VmHWM'),
    rssMiB: () => status('VmRSS'),
    onLine: (listener) => void listeners.push(listener),
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces): state is field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100/s)
  } catch {
    return Number.NaN;
  }
}

/** The local MySQL/MariaDB server's pid, when it runs on this machine. */
export function databaseServerPid(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (comm === 'mariadbd' || comm === 'mysqld') return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}
