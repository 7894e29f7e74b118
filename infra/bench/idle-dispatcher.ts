/**
 * `pnpm bench` (infra): what an idle dispatcher costs at the default poll interval —
 * issue 15's target is ≤ 1% of a core, the database included.
 *
 * The outgoing service runs from its bundle as it ships (DISPATCHER=only, as the
 * Kubernetes dispatcher Deployment runs it, then DISPATCHER=on, the default: API and
 * dispatcher in one process), on an empty queue, with its database connections through a
 * counting proxy (infra/bench/counting-proxy.ts). Over BENCH_IDLE_SECONDS (60):
 * - the Node process's CPU: utime + stime from /proc/<pid>/stat;
 * - the database's share attributable to it: every command it sent and the time from
 *   each command to the server's first answer. That time bounds the server's work on the
 *   command from above (it also holds the loopback round trip and, on a busy machine, the
 *   wait for a core), so their sum per second is an upper bound of the database's CPU
 *   share for this process. Then each read seen is replayed REPLAYS times on a connection
 *   of the bench's own with query profiling on: the server's own measure of its time per
 *   statement (wall time inside the server, so still an upper bound of its CPU on a busy
 *   machine), and rate × that time is the estimate. The server's own CPU (mariadbd's ticks) is printed too, but on a shared
 *   server it counts everyone's work.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { mysqlOptions, quoteIdentifier } from '@screenmagic/service-kit';
import { freePort } from '@screenmagic/service-kit/testing/net';
import { createConnection } from 'mysql2/promise';
import { bundle } from '../build/bundle.ts';
import { DEPLOYABLES, startFlags } from '../docker/prune.ts';
import { REPO_ROOT } from '../validate/kubernetes.ts';
import { startCountingProxy } from './counting-proxy.ts';
import { coreShare, cpuTicksOf } from './process-stats.ts';

const SECONDS = Number(process.env['BENCH_IDLE_SECONDS'] ?? 60);
const TARGET = 0.01;
const REPLAYS = 300;
const mysqlUrl = new URL(process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306');
const prefix = `bench_idle_${randomBytes(3).toString('hex')}_`;

/** The database server's pid on this machine, if it runs here (mariadbd or mysqld). */
function databaseServerPid(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (name === 'mariadbd' || name === 'mysqld') return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

async function waitReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline && child.exitCode === null) {
    const answer = await fetch(`${url}/readyz`).catch(() => undefined);
    if (answer?.status === 200) return;
    await sleep(200);
  }
  throw new Error(`outgoing did not get ready:\n${output().slice(-2000)}`);
}

/**
 * Mean ms the server spent on each read, measured by the server itself: replayed REPLAYS
 * times in `database` with the session's query profiling on (SHOW PROFILES: wall time
 * inside the server, without the client or the loopback).
 */
async function replay(
  database: string,
  statements: Iterable<{ example?: string }>,
): Promise<Map<string, number>> {
  const connection = await createConnection({ ...mysqlOptions(mysqlUrl), database });
  const means = new Map<string, number>();
  try {
    await connection.query('SET profiling = 1, profiling_history_size = 100');
    for (const { example } of statements) {
      // Only reads are replayed; a write's cost is taken from its first-answer time.
      if (example === undefined || !/^\s*select\b/i.test(example)) continue;
      let total = 0;
      for (let round = 0; round < REPLAYS / 100; round += 1) {
        for (let i = 0; i < 100; i += 1) await connection.query(example);
        const [rows] = await connection.query('SHOW PROFILES');
        for (const row of rows as Array<{ Duration: string | number }>)
          total += Number(row.Duration);
      }
      means.set(example, (total * 1000) / REPLAYS);
    }
  } finally {
    await connection.end();
  }
  return means;
}

async function measure(mode: 'only' | 'on'): Promise<boolean> {
  const proxy = await startCountingProxy({
    host: mysqlUrl.hostname,
    port: Number(mysqlUrl.port || 3306),
  });
  const viaProxy = new URL(mysqlUrl.href);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  const port = await freePort();
  const flags = startFlags(REPO_ROOT, 'outgoing').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...flags, 'dist/server.js'], {
    cwd: join(REPO_ROOT, DEPLOYABLES.outgoing),
    env: {
      PATH: process.env['PATH'],
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      MYSQL_URL: viaProxy.href,
      MYSQL_DATABASE_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      INTERNAL_TOKEN: `bench-internal-${randomBytes(12).toString('hex')}`,
      DISPATCHER: mode,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitReady(`http://127.0.0.1:${port}`, child, () => output);
    await sleep(5_000); // start-up work (migrations, first polls) is not idle
    const pid = child.pid ?? 0;
    const database = databaseServerPid();
    proxy.reset();
    const nodeBefore = cpuTicksOf(pid);
    const databaseBefore = database === undefined ? 0 : cpuTicksOf(database);
    const started = performance.now();
    await sleep(SECONDS * 1000);
    const seconds = (performance.now() - started) / 1000;
    const node = coreShare(nodeBefore, cpuTicksOf(pid), seconds);
    const whole =
      database === undefined ? undefined : coreShare(databaseBefore, cpuTicksOf(database), seconds);
    let commands = 0;
    let serverMs = 0;
    for (const stats of proxy.byType.values()) {
      commands += stats.count;
      serverMs += stats.serverMs;
    }
    const databaseShare = serverMs / 1000 / seconds;
    const replayed = await replay(`${prefix}outgoing`, proxy.byStatement.values());
    // ms of database time per second: replayed reads at their replayed mean, everything
    // else (writes, non-QUERY commands) at its time to first answer.
    let estimate = (serverMs - (proxy.byType.get('QUERY')?.serverMs ?? 0)) / seconds;
    for (const stats of proxy.byStatement.values()) {
      const mean = replayed.get(stats.example ?? '');
      estimate += mean === undefined ? stats.serverMs / seconds : (stats.count / seconds) * mean;
    }
    const total = node + estimate / 1000;
    console.log(`\nDISPATCHER=${mode}, ${seconds.toFixed(0)} s idle:`);
    console.log(`| what | per second | share of a core |`);
    console.log('|---|---:|---:|');
    console.log(`| Node process (utime + stime) | | ${(node * 100).toFixed(2)}% |`);
    console.log(
      `| database commands it sent (upper bound: time to first answer) | ${(commands / seconds).toFixed(2)} | ${(databaseShare * 100).toFixed(2)}% |`,
    );
    for (const [statement, stats] of [...proxy.byStatement].sort(
      (a, b) => b[1].count - a[1].count,
    )) {
      const ms = replayed.get(stats.example ?? '');
      const each =
        ms === undefined ? 'not replayed' : `in the server: ${(ms * 1000).toFixed(0)} µs each`;
      console.log(
        `|   ${statement.replaceAll('|', '\\|')} | ${(stats.count / seconds).toFixed(2)} | ` +
          `${((stats.serverMs / 1000 / seconds) * 100).toFixed(3)}% (${each}) |`,
      );
    }
    console.log(
      `| database, estimate: rate × time in the server | | ${(estimate / 10).toFixed(3)}% |`,
    );
    if (whole !== undefined) {
      console.log(
        `| (the whole database server, shared with other work) | | ${(whole * 100).toFixed(2)}% |`,
      );
    }
    const ok = total <= TARGET;
    console.log(
      `idle dispatcher (${mode}): ${(total * 100).toFixed(2)}% of a core, target ≤ 1%: ${ok ? 'PASS' : 'FAIL'}`,
    );
    return ok;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await proxy.close();
  }
}

console.log(`idle dispatcher bench: ${SECONDS} s per mode, default poll interval, empty queue`);
await bundle(REPO_ROOT, 'outgoing');
try {
  const results = [await measure('only'), await measure('on')];
  console.log(`\nidle target: ${results.every(Boolean) ? 'PASS' : 'FAIL'}`);
} finally {
  const connection = await createConnection(mysqlOptions(mysqlUrl));
  try {
    const [rows] = await connection.query('SHOW DATABASES');
    for (const row of rows as Array<Record<string, string>>) {
      const name = Object.values(row)[0];
      if (name?.startsWith(prefix))
        await connection.query(`DROP DATABASE ${quoteIdentifier(name)}`);
    }
  } finally {
    await connection.end();
  }
}
