/**
 * What metrics and tracing cost the gateway: two gateway processes side by side in front
 * of one customer service — one as deployed (request metrics on, tracing on without an
 * exporter: spans are made and traceparent propagated), one with both off
 * (`REQUEST_METRICS=0`, `OTEL_SDK_DISABLED=true`) — loaded in interleaved rounds with
 * `GET /v1/customers/{id}` (half the requests carrying a client traceparent), so a noisy
 * neighbour hurts both alike. Reports the median req/s and the gateway's CPU time per
 * request of each, and their ratio (target: observability costs ≤ 5%).
 *
 * Then the CPU rounds, the figure that survives a shared, loaded machine: in each round
 * every process gets the same fixed number of requests at the same time (so whatever else
 * runs slows all alike), and each one's CPU time (utime + stime, all threads) is divided
 * by its requests; ratios are taken per round and their medians reported. Besides the two
 * gateways the rounds load a bare node:http proxy (the floor of the README's Gateway
 * target), the same build with LOG_BUFFER_BYTES=0 (one write per log line), the gateways of
 * BENCH_VARIANTS and, with BENCH_BASELINE=<bundle folder beside dist>, that build's gateway
 * on and off (before/after in one run). Prints the overhead with PASS/FAIL (≤ 5%) and the
 * gateway's CPU per GET against the bare proxy.
 *
 *   node bench/observability.ts      (MYSQL_URL as for the services)
 *
 * BENCH_SECONDS (default 5) per run, BENCH_ROUNDS (default 2; 0 skips the throughput runs),
 * BENCH_CONNECTIONS (default 32); BENCH_CPU_ROUNDS (default 15) of BENCH_CPU_REQUESTS
 * (default 3,000) per process.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropDatabase } from '@screenmagic/service-kit';
import { freePorts } from '@screenmagic/service-kit/testing/net';

const here = dirname(fileURLToPath(import.meta.url));
const gatewayDir = join(here, '..');
const customerDir = join(here, '..', '..', 'services', 'customer');
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 2);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 32);
const CPU_ROUNDS = Number(process.env['BENCH_CPU_ROUNDS'] ?? 15);
const CPU_REQUESTS = Number(process.env['BENCH_CPU_REQUESTS'] ?? 3_000);
const BASELINE = process.env['BENCH_BASELINE'];
const VARIANTS = (process.env['BENCH_VARIANTS'] ?? '')
  .split(';')
  .filter((variant) => variant.includes(':'))
  .map((variant) => {
    const [label, assignments] = variant.split(':') as [string, string];
    return {
      label,
      env: Object.fromEntries(assignments.split(',').map((pair) => pair.split('=', 2))) as Record<
        string,
        string
      >,
    };
  });
const mysqlUrl = new URL(process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306');
const prefix = `bench_obs_${randomBytes(3).toString('hex')}_`;
const apiKey = `bench-${randomBytes(12).toString('hex')}`;
const internalToken = randomBytes(24).toString('base64url');
const children: ChildProcess[] = [];

function start(
  name: string,
  cwd: string,
  args: string[],
  env: Record<string, string>,
): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) =>
    process.stderr.write(`[${name}] ${chunk.toString()}`),
  );
  children.push(child);
  return child;
}

async function waitFor(url: string): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    const dead = children.find((child) => child.exitCode !== null);
    if (dead) throw new Error(`a process exited (${dead.exitCode}) before ${url} answered`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer in time`);
}

/** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function main(): Promise<void> {
  const [customerPort, onPort, offPort, unusedA, unusedB] = await freePorts(5);
  const customerUrl = `http://127.0.0.1:${customerPort}`;
  start('customer', customerDir, ['src/server.ts'], {
    PORT: String(customerPort),
    HOST: '127.0.0.1',
    MYSQL_URL: mysqlUrl.href,
    MYSQL_DATABASE_PREFIX: prefix,
    NODE_ENV: 'production',
    INTERNAL_TOKEN: internalToken,
  });
  const startScript = (
    JSON.parse(readFileSync(join(gatewayDir, 'package.json'), 'utf8')) as {
      scripts: { start: string };
    }
  ).scripts.start;
  const gatewayEnv = {
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    GATEWAY_API_KEYS: apiKey,
    INTERNAL_TOKEN: internalToken,
    RATE_LIMIT_PER_MINUTE: '10000000',
    GATEWAY_METRICS_PORT: '0',
    CUSTOMER_SERVICE_URL: customerUrl,
    OUTGOING_SERVICE_URL: `http://127.0.0.1:${unusedA}`,
    INCOMING_SERVICE_URL: `http://127.0.0.1:${unusedB}`,
  };
  const args = startScript.split(/\s+/).slice(1);
  const OFF = { REQUEST_METRICS: '0', OTEL_SDK_DISABLED: 'true' };
  const gatewayTarget = (
    name: string,
    port: number,
    env: Record<string, string>,
    dist = 'dist',
  ) => ({
    name,
    url: `http://127.0.0.1:${port}`,
    process: start(
      name,
      gatewayDir,
      args.map((arg) => (arg === 'dist/server.js' ? `${dist}/server.js` : arg)),
      { ...gatewayEnv, ...env, PORT: String(port) },
    ),
  });
  const targets = [
    gatewayTarget('metrics + tracing (no exporter)', onPort!, {}),
    gatewayTarget('both off', offPort!, OFF),
  ];
  // The CPU rounds also load, at the same time: a bare node:http proxy (the gateway's floor,
  // README: Gateway) and, with BENCH_BASELINE=<another bundle folder beside dist>, that
  // build's gateway on and off (before/after comparisons in one run).
  const [barePort, unbufferedPort, baseOnPort, baseOffPort] = await freePorts(4);
  const cpuTargets = [
    ...targets,
    {
      name: 'bare node:http proxy',
      url: `http://127.0.0.1:${barePort}`,
      process: start(
        'bare proxy',
        gatewayDir,
        ['bench/bare-proxy.ts', String(barePort), customerUrl],
        {},
      ),
    },
    // The same build writing every log line on its own (pino's default), for the GET ratio.
    gatewayTarget('metrics + tracing, LOG_BUFFER_BYTES=0', unbufferedPort!, {
      LOG_BUFFER_BYTES: '0',
    }),
    // BENCH_VARIANTS='label:VAR=value,VAR=value;…': more gateways of this build with the
    // variables added (e.g. one switch off at a time, to see what each piece costs).
    ...(await Promise.all(
      VARIANTS.map(async ({ label, env }) => gatewayTarget(label, (await freePorts(1))[0]!, env)),
    )),
    ...(BASELINE === undefined
      ? []
      : [
          gatewayTarget(`${BASELINE}: on`, baseOnPort!, {}, BASELINE),
          gatewayTarget(`${BASELINE}: off`, baseOffPort!, OFF, BASELINE),
        ]),
  ];
  await waitFor(`${customerUrl}/readyz`);
  for (const target of cpuTargets) await waitFor(`${target.url}/healthz`);

  const ids: string[] = [];
  for (let i = 0; i < 200; i++) {
    const response = await fetch(`${customerUrl}/v1/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Obs ${i}`, workingHours: { start: '08:00', end: '20:00' } }),
    });
    ids.push(((await response.json()) as { id: string }).id);
  }
  const load = (url: string, seconds: number, amount?: number) => {
    let next = 0;
    return autocannon({
      url,
      connections: CONNECTIONS,
      ...(amount === undefined ? { duration: seconds } : { amount }),
      headers: { authorization: `Bearer ${apiKey}` },
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => {
            const n = next++;
            return {
              ...request,
              path: `/v1/customers/${ids[n % ids.length]}`,
              headers: {
                ...request.headers,
                ...(n % 2 === 0
                  ? {
                      traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`,
                    }
                  : {}),
              },
            };
          },
        },
      ],
    });
  };

  const loadAtStart = loadavg()[0] ?? 0;
  for (const target of cpuTargets) await load(target.url, 2); // warm-up
  const results = new Map(
    targets.map((t) => [t.name, { rps: [] as number[], cpuUs: [] as number[] }]),
  );
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so neither always runs on the warmer machine.
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      const before = cpuTicks(target.process.pid!);
      const result = await load(target.url, SECONDS);
      const ticks = cpuTicks(target.process.pid!) - before;
      const entry = results.get(target.name)!;
      entry.rps.push(result.requests.average);
      entry.cpuUs.push((ticks / 100 / Math.max(1, result.requests.total)) * 1e6);
      if (result.errors + result.non2xx > 0)
        throw new Error(`${target.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      process.stdout.write(
        `  round ${round + 1} ${target.name}: ${Math.round(result.requests.average)} req/s\n`,
      );
    }
  }
  // The throughput rounds (BENCH_ROUNDS=0 skips them): noise on a shared machine.
  if (ROUNDS > 0) {
    const on = results.get(targets[0]!.name)!;
    const off = results.get(targets[1]!.name)!;
    console.log(
      `\n## Gateway: observability overhead (${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, load ${loadAtStart.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)})\n`,
    );
    console.log(
      `${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s each, interleaved; medians.\n`,
    );
    console.log('| gateway | req/s | gateway CPU µs/req | req/s per round |');
    console.log('|---|---:|---:|---|');
    for (const [name, entry] of results) {
      console.log(
        `| ${name} | ${Math.round(median(entry.rps))} | ${Math.round(median(entry.cpuUs))} | ${entry.rps.map(Math.round).join(', ')} |`,
      );
    }
    const throughputCost = 1 - median(on.rps) / median(off.rps);
    const cpuCost = median(on.cpuUs) / median(off.cpuUs) - 1;
    console.log(
      `\nThroughput cost: ${(throughputCost * 100).toFixed(1)}%; CPU per request: +${(cpuCost * 100).toFixed(1)}% (target ≤ 5%).`,
    );
  }

  // All at once, the same number of requests each: the machine's noise hits all alike.
  const cpu = cpuTargets.map(() => [] as number[]);
  const loadBefore = loadavg()[0] ?? 0;
  for (let round = 0; round < CPU_ROUNDS; round++) {
    const before = cpuTargets.map((target) => cpuTicks(target.process.pid!));
    const results = await Promise.all(
      cpuTargets.map((target) => load(target.url, 0, CPU_REQUESTS)),
    );
    cpuTargets.forEach((target, i) => {
      const result = results[i]!;
      if (result.errors + result.non2xx > 0)
        throw new Error(`${target.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      const ticks = cpuTicks(target.process.pid!) - before[i]!;
      cpu[i]!.push((ticks / 100 / result.requests.total) * 1e6);
    });
  }
  /** The median over rounds of a's CPU per request divided by b's in the same round. */
  const ratioOf = (a: number, b: number) => median(cpu[a]!.map((value, i) => value / cpu[b]![i]!));
  console.log(
    `\n### CPU rounds: ${CPU_ROUNDS} × ${CPU_REQUESTS} GETs to each process at once (load average ${loadBefore.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)})\n`,
  );
  console.log('| process | CPU µs/req (median) | vs both off, same round (median) | per round |');
  console.log('|---|---:|---:|---|');
  cpuTargets.forEach((target, i) => {
    console.log(
      `| ${target.name} | ${Math.round(median(cpu[i]!))} | ${ratioOf(i, 1).toFixed(3)} | ${cpu[i]!.map((v, r) => (v / cpu[1]![r]!).toFixed(2)).join(' ')} |`,
    );
  });
  const overhead = ratioOf(0, 1) - 1;
  const vsBare = ratioOf(0, 2);
  console.log(
    `\nObservability overhead (on vs off, CPU per request): **${overhead >= 0 ? '+' : ''}${(overhead * 100).toFixed(1)}%** — target ≤ 5%: ${overhead <= 0.05 ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `Unbuffered log writes (LOG_BUFFER_BYTES=0) vs buffered, both on: ${((ratioOf(3, 0) - 1) * 100).toFixed(1)}% CPU per GET; vs the bare proxy ${ratioOf(3, 2).toFixed(2)}×.`,
  );
  console.log(
    `Gateway (on) CPU per GET vs the bare node:http proxy: ${vsBare.toFixed(2)}× (${Math.round(median(cpu[0]!))} vs ${Math.round(median(cpu[2]!))} µs); the throughput ratio the ≥ 0.8× target is about is measured by \`pnpm --filter @screenmagic/gateway bench\`.`,
  );
  if (BASELINE !== undefined) {
    const at = cpuTargets.length - 2;
    const before = ratioOf(at, at + 1) - 1;
    console.log(
      `${BASELINE} (before): on vs off ${before >= 0 ? '+' : ''}${(before * 100).toFixed(1)}%; its off vs this build's off ${((ratioOf(at + 1, 1) - 1) * 100).toFixed(1)}%; its on vs this build's on ${((ratioOf(at, 0) - 1) * 100).toFixed(1)}%; its on vs the bare proxy ${ratioOf(at, 2).toFixed(2)}×.`,
    );
  }
}

try {
  await main();
} finally {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
  await dropDatabase(mysqlUrl, `${prefix}customer`);
}
