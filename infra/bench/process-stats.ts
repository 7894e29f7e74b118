/**
 * What a process costs, read from Linux's /proc: resident memory (VmRSS now, VmHWM the
 * peak) and CPU time (utime + stime of /proc/<pid>/stat, in clock ticks).
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MIB = 1024 * 1024;
/** USER_HZ: 100 on every Linux architecture Node runs on (sysconf(_SC_CLK_TCK)). */
export const CLOCK_TICKS_PER_SECOND = 100;

export interface Memory {
  /** Resident set size now, MiB. */
  readonly rssMiB: number;
  /** The highest resident set size since the process started, MiB. */
  readonly peakMiB: number;
  /** Of the RSS, pages of mapped files (mostly the Node executable), MiB. */
  readonly fileMiB: number;
}

export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!match?.[1]) throw new Error(`/proc/${pid}/status has no ${field}`);
    return (Number(match[1]) * 1024) / MIB;
  };
  return { rssMiB: kib('VmRSS'), peakMiB: kib('VmHWM'), fileMiB: kib('RssFile') };
}

/** CPU time the process has used so far (user + system), in clock ticks. */
export function cpuTicksOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the name.
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Context switches of every thread of a process so far (voluntary + involuntary, from
 * /proc/<pid>/task/<tid>/status): each is a wake-up. On a virtual machine a wake-up from
 * idle costs far more than the work it does (an empty 100 ms interval timer costs 0.2–0.3%
 * of a core on the 2-vCPU development VM: 200–300 µs per wake-up), so an idle process's CPU
 * is mostly its wake-ups, and their count is the figure that does not move with the host.
 * Threads that ended meanwhile are not counted.
 */
export function contextSwitchesOf(pid: number): number {
  let switches = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const status = readFileSync(`/proc/${pid}/task/${tid}/status`, 'utf8');
      for (const match of status.matchAll(/^(?:non)?voluntary_ctxt_switches:\s+(\d+)$/gm))
        switches += Number(match[1]);
    } catch {
      // the thread ended meanwhile
    }
  }
  return switches;
}

/** The share of one core a process used between two readings of its CPU ticks. */
export function coreShare(ticksBefore: number, ticksAfter: number, seconds: number): number {
  return (ticksAfter - ticksBefore) / CLOCK_TICKS_PER_SECOND / seconds;
}

/**
 * A private copy of this Node executable, to start the measured processes with. RSS counts
 * the pages of the executable a process has mapped, and the kernel may map a much-used
 * executable from huge pages of its page cache (2 MiB each: the pnpm store's Node, which
 * every test worker on a machine runs, was mapped so, 81 MB of file pages against 58 MB
 * for the same process started from another copy of the same binary). A fresh copy is
 * mapped page by page, as a container's own Node is when it starts: the figures then
 * measure the process, not the machine's page cache.
 */
export function privateNodeCopy(): { readonly dir: string; readonly node: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'screenmagic-node-'));
  const node = join(dir, 'node');
  copyFileSync(process.execPath, node);
  return { dir, node, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
