/**
 * `pnpm bench` (infra): what an idle dispatcher costs at the default poll interval —
 * issue 15's target is ≤ 1% of a core, the database included.
 *
 * The outgoing service runs from its bundle as it ships (DISPATCHER=only, as the
 * Kubernetes dispatcher Deployment runs it, then DISPATCHER=on, the default: API and
 * dispatcher in one process), on an empty queue, with its database connections through a
 * counting proxy (infra/bench/counting-proxy.ts). Over BENCH_IDLE_SECONDS (30):
 * - the Node process's CPU: utime + stime from /proc/<pid>/stat;
 * - the customer service's CPU for following outgoing (the calendar watch it holds, the
 *   replica's feed calls): its CPU while followed minus its CPU idle alone (measured just
 *   before, as long);
 * - the database's share attributable to both: every command each sent and the time from
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
import { type CountingProxy, startCountingProxy } from './counting-proxy.ts';
import { contextSwitchesOf, coreShare, cpuTicksOf } from './process-stats.ts';

const SECONDS = Number(process.env['BENCH_IDLE_SECONDS'] ?? 30);
const TARGET = 0.01;
const REPLAYS = 300;
/** BENCH_IDLE_ENV: extra environment for the outgoing service (JSON), for experiments. */
const EXTRA_ENV = JSON.parse(process.env['BENCH_IDLE_ENV'] ?? '{}') as Record<string, string>;
const mysqlUrl = new URL(process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306');
const prefix = `bench_idle_${randomBytes(3).toString('hex')}_`;
const internalToken = `bench-internal-${randomBytes(12).toString('hex')}`;

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

async function waitReady(
  url: string,
  name: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline && child.exitCode === null) {
    const answer = await fetch(`${url}/readyz`).catch(() => undefined);
    if (answer?.status === 200) return;
    await sleep(200);
  }
  throw new Error(`${name} did not get ready:\n${output().slice(-2000)}`);
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

interface Running {
  readonly url: string;
  readonly pid: number;
  readonly proxy: CountingProxy;
  stop(): Promise<void>;
}

/** One deployable from its bundle, its database connections through a counting proxy. */
async function startDeployable(
  name: 'customer' | 'outgoing',
  env: Record<string, string>,
): Promise<Running> {
  const proxy = await startCountingProxy({
    host: mysqlUrl.hostname,
    port: Number(mysqlUrl.port || 3306),
  });
  const viaProxy = new URL(mysqlUrl.href);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  const port = await freePort();
  const flags = startFlags(REPO_ROOT, name).split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...flags, 'dist/server.js'], {
    cwd: join(REPO_ROOT, DEPLOYABLES[name]),
    env: {
      PATH: process.env['PATH'],
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      MYSQL_URL: viaProxy.href,
      MYSQL_DATABASE_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      INTERNAL_TOKEN: internalToken,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await proxy.close();
  };
  try {
    await waitReady(url, name, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid ?? 0, proxy, stop };
}

/**
 * One process's database work over `seconds`, from its proxy: replayed reads at their
 * replayed mean, everything else (writes, non-QUERY commands) at its time to first answer.
 * Prints a row per statement; returns the estimate as a share of a core.
 */
async function databaseShare(
  label: string,
  database: string,
  proxy: CountingProxy,
  seconds: number,
): Promise<number> {
  let commands = 0;
  let serverMs = 0;
  for (const stats of proxy.byType.values()) {
    commands += stats.count;
    serverMs += stats.serverMs;
  }
  const replayed = await replay(database, proxy.byStatement.values());
  let estimate = (serverMs - (proxy.byType.get('QUERY')?.serverMs ?? 0)) / seconds;
  for (const stats of proxy.byStatement.values()) {
    const mean = replayed.get(stats.example ?? '');
    estimate += mean === undefined ? stats.serverMs / seconds : (stats.count / seconds) * mean;
  }
  console.log(
    `| ${label}: database commands (upper bound: time to first answer) | ${(commands / seconds).toFixed(2)} | ${((serverMs / 1000 / seconds) * 100).toFixed(2)}% |`,
  );
  for (const [statement, stats] of [...proxy.byStatement].sort((a, b) => b[1].count - a[1].count)) {
    const ms = replayed.get(stats.example ?? '');
    const each =
      ms === undefined ? 'not replayed' : `in the server: ${(ms * 1000).toFixed(0)} µs each`;
    console.log(
      `|   ${statement.replaceAll('|', '\\|')} | ${(stats.count / seconds).toFixed(2)} | ` +
        `${((stats.serverMs / 1000 / seconds) * 100).toFixed(3)}% (${each}) |`,
    );
  }
  console.log(
    `| ${label}: database, estimate (rate × time in the server) | | ${(estimate / 10).toFixed(3)}% |`,
  );
  return estimate / 1000;
}

/**
 * The outgoing service idle in `mode`, with the customer service it follows: holding its
 * calendar watch and answering the replica's feed are part of what an idle dispatcher
 * costs, so the customer service's whole CPU (an upper bound of what that costs) and its
 * database work are counted too.
 */
async function measure(mode: 'only' | 'on'): Promise<boolean> {
  const customer = await startDeployable('customer', {});
  let outgoing: Running | undefined;
  try {
    // The customer service on its own first: what it costs idle without being followed
    // is not the dispatcher's (it runs anyway); only the difference is counted.
    await sleep(5_000);
    const alone = cpuTicksOf(customer.pid);
    const aloneSwitches = contextSwitchesOf(customer.pid);
    const aloneStarted = performance.now();
    await sleep(SECONDS * 1000);
    const aloneSeconds = (performance.now() - aloneStarted) / 1000;
    const customerAlone = coreShare(alone, cpuTicksOf(customer.pid), aloneSeconds);
    const customerAloneWakeUps = (contextSwitchesOf(customer.pid) - aloneSwitches) / aloneSeconds;
    outgoing = await startDeployable('outgoing', {
      DISPATCHER: mode,
      CUSTOMER_SERVICE_URL: customer.url,
      ...EXTRA_ENV,
    });
    await sleep(5_000); // start-up work (migrations, first polls, the replica's fill) is not idle
    const database = databaseServerPid();
    customer.proxy.reset();
    outgoing.proxy.reset();
    const before = [cpuTicksOf(outgoing.pid), cpuTicksOf(customer.pid)] as const;
    const switchesBefore = [contextSwitchesOf(outgoing.pid), contextSwitchesOf(customer.pid)];
    const databaseBefore = database === undefined ? 0 : cpuTicksOf(database);
    const started = performance.now();
    await sleep(SECONDS * 1000);
    const seconds = (performance.now() - started) / 1000;
    const wakeUps = [
      (contextSwitchesOf(outgoing.pid) - (switchesBefore[0] ?? 0)) / seconds,
      (contextSwitchesOf(customer.pid) - (switchesBefore[1] ?? 0)) / seconds,
    ] as const;
    const outgoingCpu = coreShare(before[0], cpuTicksOf(outgoing.pid), seconds);
    const customerCpu = coreShare(before[1], cpuTicksOf(customer.pid), seconds);
    const whole =
      database === undefined ? undefined : coreShare(databaseBefore, cpuTicksOf(database), seconds);
    console.log(`\nDISPATCHER=${mode}, ${seconds.toFixed(0)} s idle:`);
    console.log(`| what | per second | share of a core |`);
    console.log('|---|---:|---:|');
    console.log(
      `| outgoing: Node process (utime + stime); wake-ups (context switches, all threads) | ${wakeUps[0].toFixed(1)} | ${(outgoingCpu * 100).toFixed(2)}% |`,
    );
    const feedCpu = Math.max(0, customerCpu - customerAlone);
    console.log(
      `| customer service following outgoing (calendar watch, feed): Node process ${(customerCpu * 100).toFixed(2)}% minus ${(customerAlone * 100).toFixed(2)}% idle alone; wake-ups ${wakeUps[1].toFixed(1)} minus ${customerAloneWakeUps.toFixed(1)} | ${(wakeUps[1] - customerAloneWakeUps).toFixed(1)} | ${(feedCpu * 100).toFixed(2)}% |`,
    );
    const databases =
      (await databaseShare('outgoing', `${prefix}outgoing`, outgoing.proxy, seconds)) +
      (await databaseShare('customer', `${prefix}customer`, customer.proxy, seconds));
    if (whole !== undefined) {
      console.log(
        `| (the whole database server, shared with other work) | | ${(whole * 100).toFixed(2)}% |`,
      );
    }
    const total = outgoingCpu + feedCpu + databases;
    const ok = total <= TARGET;
    console.log(
      `idle dispatcher (${mode}), outgoing + customer service + their database work: ${(total * 100).toFixed(2)}% of a core, target ≤ 1%: ${ok ? 'PASS' : 'FAIL'}`,
    );
    return ok;
  } finally {
    await outgoing?.stop();
    await customer.stop();
  }
}

console.log(`idle dispatcher bench: ${SECONDS} s per mode, default poll interval, empty queue`);
await bundle(REPO_ROOT, 'customer');
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
