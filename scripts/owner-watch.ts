import { readFileSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';

/** A process, identified across PID reuse by its start time. */
export interface OwnerProcess {
  readonly pid: number;
  /** Field 22 of /proc/<pid>/stat (clock ticks since boot); absent off Linux. */
  readonly startTime?: string;
}

/** Interpreters that only run a script or `-c` command on behalf of the process above. */
const SHELLS = new Set(['sh', 'dash', 'bash', 'zsh', 'ksh', 'ksh93', 'mksh', 'ash', 'busybox']);

/**
 * Calls `onGone` once, when the process that owns this one exits: the nearest ancestor
 * that is not a shell (see `findOwner`). Only the owner counts: a shell further up that
 * exits — `nohup pnpm start &` and then `exit`, or `pnpm test &` from a script that
 * returns — does not stop us.
 *
 * `pnpm start` reaches us through shell wrappers (pnpm's `sh -c`, the `node` package's
 * launcher script) that do not forward signals: a SIGTERM to `pnpm start` ends pnpm and
 * would leave the stack running; its exit is our cue. Ctrl-C reaches every process of the
 * group and needs none of this. Linux reads /proc; elsewhere the direct parent is watched.
 */
export function watchOwner(onGone: (owner: OwnerProcess) => void, intervalMs = 500): () => void {
  const owner = findOwner();
  if (owner === undefined) return () => {};
  const parent = process.ppid;
  const timer = setInterval(() => {
    const gone = owner.startTime === undefined ? process.ppid !== parent : !isRunning(owner);
    if (!gone) return;
    clearInterval(timer);
    onGone(owner);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The nearest ancestor of `pid` that is not a shell: `pnpm` under `pnpm start`, vitest
 * under the e2e set-up, whatever program ran `node scripts/start-stack.ts` otherwise.
 * Undefined when only shells lie between us and init (nothing owns us but the system).
 * Off Linux (no /proc): the direct parent, without a start time.
 */
export function findOwner(pid = process.pid): OwnerProcess | undefined {
  if (stat(pid) === undefined) {
    return pid === process.pid && process.ppid > 1 ? { pid: process.ppid } : undefined;
  }
  let current = pid;
  for (let depth = 0; depth < 64; depth++) {
    const parent = stat(current)?.ppid;
    if (parent === undefined || parent <= 1) return undefined;
    if (!isShell(parent)) return identify(parent);
    current = parent;
  }
  return undefined;
}

/** A process's PID and start time (Linux), undefined when it does not exist. */
export function identify(pid: number): OwnerProcess | undefined {
  const startTime = stat(pid)?.startTime;
  return startTime === undefined ? undefined : { pid, startTime };
}

/** Still the same process (not exited, not a zombie, its PID not reused). */
export function isRunning(owner: OwnerProcess): boolean {
  const now = stat(owner.pid);
  return now !== undefined && now.state !== 'Z' && now.startTime === owner.startTime;
}

function isShell(pid: number): boolean {
  let program: string;
  try {
    program = basename(readlinkSync(`/proc/${pid}/exe`));
  } catch {
    // Not ours to read: its command name (the script's name for a launcher script).
    program = readProc(`/proc/${pid}/comm`)?.trim() ?? '';
  }
  return SHELLS.has(program);
}

function stat(pid: number): { state: string; ppid: number; startTime: string } | undefined {
  // /proc/<pid>/stat: "pid (comm) state ppid … starttime(22) …"; comm may hold spaces.
  const text = readProc(`/proc/${pid}/stat`);
  if (text === undefined) return undefined;
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  const startTime = fields[19];
  if (!Number.isInteger(ppid) || startTime === undefined) return undefined;
  return { state: fields[0] ?? '', ppid, startTime };
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
