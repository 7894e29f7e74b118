/**
 * `pnpm bench` (infra): the memory of every deployable as it ships — bundled, started
 * with its `start` script's flags, as `pnpm start` and the image run it — idle and after
 * issue 15's mixed load through the gateway (infra/bench/mixed-load.ts), with PASS/FAIL
 * against the targets:
 *
 * - idle (started, ready, then BENCH_IDLE_SECONDS without a request): every process
 *   ≤ 130 MB RSS;
 * - after BENCH_SECONDS (60) of the load at BENCH_RATE (200) req/s: ≤ 200 MB, the gateway
 *   ≤ 170 MB — judged on the peak (VmHWM) over the whole run, not only the last reading.
 *
 * Only 127.0.0.1; its own databases (dropped at the end); stops by itself.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { mysqlOptions, quoteIdentifier } from '@screenmagic/service-kit';
import { freePorts } from '@screenmagic/service-kit/testing/net';
import { createConnection } from 'mysql2/promise';
import { bundleAll } from '../build/bundle.ts';
import { DEPLOYABLES, type Deployable, startFlags } from '../docker/prune.ts';
import { REPO_ROOT } from '../validate/kubernetes.ts';
import { OPEN, runMixedLoad } from './mixed-load.ts';
import { coreShare, cpuTicksOf, memoryOf, type Memory, privateNodeCopy } from './process-stats.ts';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 60);
const RATE = Number(process.env['BENCH_RATE'] ?? 200);
const IDLE_SECONDS = Number(process.env['BENCH_IDLE_SECONDS'] ?? 15);
const SEEDED = 100;
/** The targets' MB are what `ps` and /proc count: MiB. */
const IDLE_LIMIT_MB = 130;
const LOADED_LIMIT_MB: Readonly<Record<Deployable, number>> = {
  customer: 200,
  outgoing: 200,
  incoming: 200,
  gateway: 170,
};
const ORDER: readonly Deployable[] = ['customer', 'outgoing', 'incoming', 'gateway'];

const mysqlUrl = new URL(process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306');
const runId = randomBytes(3).toString('hex');
const prefix = `bench_mem_${runId}_`;
const apiKey = `bench-${randomBytes(12).toString('hex')}`;

interface Started {
  readonly deployable: Deployable;
  readonly child: ChildProcess;
  readonly url: string;
  output: string;
}

async function startAll(): Promise<Map<Deployable, Started>> {
  const [customer, outgoing, incoming, gateway, metrics] = await freePorts(5);
  const ports: Record<Deployable, number | undefined> = { customer, outgoing, incoming, gateway };
  const url = (deployable: Deployable) => `http://127.0.0.1:${ports[deployable]}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    MYSQL_URL: mysqlUrl.href,
    MYSQL_DATABASE_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    GATEWAY_API_KEYS: apiKey,
    INTERNAL_TOKEN: `bench-internal-${randomBytes(12).toString('hex')}`,
    RATE_LIMIT_PER_MINUTE: '10000000',
    GATEWAY_METRICS_PORT: String(metrics),
    CUSTOMER_SERVICE_URL: url('customer'),
    OUTGOING_SERVICE_URL: url('outgoing'),
    INCOMING_SERVICE_URL: url('incoming'),
    // Open around the clock: every order is confirmed, handed over and delivered (log channel).
    BUSINESS_CALENDAR: JSON.stringify({
      timeZone: 'UTC',
      start: '00:00',
      end: '24:00',
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    }),
  };
  const started = new Map<Deployable, Started>();
  for (const deployable of ORDER) {
    const flags = startFlags(REPO_ROOT, deployable).split(/\s+/).filter(Boolean);
    const child = spawn(node.node, [...flags, 'dist/server.js'], {
      cwd: join(REPO_ROOT, DEPLOYABLES[deployable]),
      env: { ...env, PORT: String(ports[deployable]) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const entry: Started = { deployable, child, url: url(deployable), output: '' };
    child.stdout?.on('data', (chunk: Buffer) => (entry.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (entry.output += chunk.toString()));
    started.set(deployable, entry);
  }
  for (const entry of started.values()) await waitReady(entry);
  return started;
}

async function waitReady(entry: Started): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    if (entry.child.exitCode !== null) break;
    const answer = await fetch(`${entry.url}/readyz`).catch(() => undefined);
    if (answer?.status === 200) return;
    await sleep(200);
  }
  throw new Error(`${entry.deployable} did not get ready:\n${entry.output.slice(-2000)}`);
}

async function seed(gatewayUrl: string): Promise<Array<{ id: string; name: string }>> {
  const customers: Array<{ id: string; name: string }> = [];
  for (let i = 0; i < SEEDED; i += 1) {
    const name = `Seed ${runId} ${i}`;
    const response = await fetch(`${gatewayUrl}/v1/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, workingHours: OPEN }),
    });
    const body = (await response.json()) as { id?: string };
    if (response.status !== 201 || !body.id) {
      throw new Error(`seeding: ${response.status} ${JSON.stringify(body)}`);
    }
    customers.push({ id: body.id, name });
  }
  return customers;
}

async function stopAll(started: Map<Deployable, Started>): Promise<void> {
  await Promise.all(
    [...started.values()].map(async ({ child }) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }),
  );
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

const mb = (value: number) => value.toFixed(0);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const percentile = (values: number[], p: number) =>
  values.length === 0
    ? 0
    : ([...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? 0);

console.log(
  `memory bench: ${RATE} req/s for ${SECONDS} s through the gateway (70% GET customer, ` +
    `20% POST order, 10% POST customer), idle measured after ${IDLE_SECONDS} s; Node ${process.version}`,
);
for (const built of await bundleAll(REPO_ROOT)) {
  console.log(
    `bundle: ${built.deployable} (${(built.bytes / 2 ** 20).toFixed(1)} MB, ${built.ms} ms)`,
  );
}
const node = privateNodeCopy();
const started = await startAll();
let failed = false;
try {
  const pid = (deployable: Deployable) => started.get(deployable)?.child.pid ?? 0;
  await sleep(IDLE_SECONDS * 1000);
  const idle = new Map(ORDER.map((deployable) => [deployable, memoryOf(pid(deployable))]));
  const gatewayUrl = started.get('gateway')?.url ?? '';
  const customers = await seed(gatewayUrl);
  const ticksBefore = new Map(ORDER.map((deployable) => [deployable, cpuTicksOf(pid(deployable))]));
  const sampled = new Map<Deployable, number>(ORDER.map((deployable) => [deployable, 0]));
  const sample = () => {
    for (const deployable of ORDER) {
      const now = memoryOf(pid(deployable)).rssMiB;
      sampled.set(deployable, Math.max(sampled.get(deployable) ?? 0, now));
    }
  };
  // The load generator's own CPU: when the stack answers late on a busy machine, this says
  // whether the generator was the limit (it is one process on the same cores).
  const generatorCpu = process.cpuUsage();
  const load = await runMixedLoad({
    gatewayUrl,
    apiKey,
    ratePerSecond: RATE,
    seconds: SECONDS,
    customers,
    runId,
    onSecond: sample,
  });
  const generatorUsed = process.cpuUsage(generatorCpu);
  const after = new Map<Deployable, Memory>(
    ORDER.map((deployable) => [deployable, memoryOf(pid(deployable))]),
  );
  const ticksAfter = new Map(ORDER.map((deployable) => [deployable, cpuTicksOf(pid(deployable))]));

  console.log('\n| request | sent | answers by status | errors | p50 ms | p99 ms |');
  console.log('|---|---:|---|---:|---:|---:|');
  for (const [kind, result] of load.byKind) {
    const statuses = [...result.statuses]
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ');
    console.log(
      `| ${kind} | ${result.sent} | ${statuses} | ${result.errors} | ` +
        `${percentile(result.latenciesMs, 0.5).toFixed(1)} | ${percentile(result.latenciesMs, 0.99).toFixed(1)} |`,
    );
  }
  const sent = [...load.byKind.values()].reduce((sum, result) => sum + result.sent, 0);
  console.log(
    `${sent} requests in ${load.elapsedSeconds.toFixed(1)} s (${(sent / load.elapsedSeconds).toFixed(0)}/s), ${load.skipped} skipped (too many in flight)`,
  );
  console.log(
    `load generator: ${(((generatorUsed.user + generatorUsed.system) / 1e6 / load.elapsedSeconds) * 100).toFixed(0)}% of a core; ` +
      `machine load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  );

  console.log(
    `\n| process | idle RSS MB (≤ ${IDLE_LIMIT_MB}) | of it, file pages | after load MB | peak MB (limit) | CPU under load | idle | loaded |`,
  );
  console.log('|---|---:|---:|---:|---:|---:|---|---|');
  for (const deployable of ORDER) {
    const before = idle.get(deployable) as Memory;
    const end = after.get(deployable) as Memory;
    const peak = Math.max(end.peakMiB, sampled.get(deployable) ?? 0);
    const limit = LOADED_LIMIT_MB[deployable];
    const cpu = coreShare(
      ticksBefore.get(deployable) ?? 0,
      ticksAfter.get(deployable) ?? 0,
      load.elapsedSeconds,
    );
    const idleOk = before.rssMiB <= IDLE_LIMIT_MB;
    const loadedOk = peak <= limit;
    failed ||= !idleOk || !loadedOk;
    console.log(
      `| ${deployable} | ${mb(before.rssMiB)} | ${mb(before.fileMiB)} | ${mb(end.rssMiB)} | ${mb(peak)} (${limit}) | ` +
        `${(cpu * 100).toFixed(0)}% of a core | ${verdict(idleOk)} | ${verdict(loadedOk)} |`,
    );
  }
  const errors = [...load.byKind.values()].reduce((sum, result) => sum + result.errors, 0);
  console.log(
    `\nmemory targets: ${verdict(!failed)}${errors > 0 ? ` (${errors} request errors)` : ''}`,
  );
} finally {
  await stopAll(started);
  node.remove();
}
// The bench reports; a FAIL does not stop `pnpm bench`'s other benchmarks.
