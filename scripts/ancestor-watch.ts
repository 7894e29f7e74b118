import { readFileSync } from 'node:fs';

/**
 * Calls `onGone` once, when any ancestor of this process exits.
 *
 * `pnpm start` reaches us through shell wrappers (pnpm's `sh -c`, the `node` package's
 * launcher script) that do not forward signals: a SIGTERM to the outer `pnpm start`
 * kills only the outermost wrapper and would leave the stack running. Ctrl-C reaches
 * every process of the group and needs none of this. Ancestors are read from /proc
 * (Linux); elsewhere only the direct parent is watched.
 */
export function watchAncestors(onGone: (pid: number) => void, intervalMs = 500): () => void {
  const ancestors = ancestorPids(process.pid);
  const parent = process.ppid;
  const timer = setInterval(() => {
    const gone = process.ppid !== parent ? parent : ancestors.find((pid) => !isAlive(pid));
    if (gone === undefined) return;
    clearInterval(timer);
    onGone(gone);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Parent, grandparent, … up to (not including) pid 1. */
export function ancestorPids(pid: number): number[] {
  const out: number[] = [];
  let current = pid;
  for (let depth = 0; depth < 64; depth++) {
    const parent = parentOf(current);
    if (parent === undefined || parent <= 1) break;
    out.push(parent);
    current = parent;
  }
  if (out.length === 0 && process.ppid > 1 && pid === process.pid) out.push(process.ppid);
  return out;
}

function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
