/**
 * What metrics and tracing cost the gateway: gateway processes side by side in front of
 * one customer service (BENCH_PAIRS of each side) — one side as deployed (request metrics
 * on, tracing on without an exporter: trace ids made and traceparent propagated), the
 * other with both off
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
 * BENCH_PAIRS (default 3) processes of each side, BENCH_SECONDS (default 5) per run,
 * BENCH_ROUNDS (default 2 × BENCH_PAIRS; 0 skips the throughput runs),
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
/**
 * Processes of each configuration (on, off). Two processes of the same build and
 * configuration differ by up to ~4% in CPU per request for their whole life (JIT and
 * memory-layout luck, measured 2026-12-05): one process per side measured that luck as
 * much as the observability. Each throughput round uses the next pair; the CPU rounds load
 * all of them and compare the sides' means.
 */
const PAIRS = Math.max(1, Number(process.env['BENCH_PAIRS'] ?? 3));
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 2 * PAIRS);
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

interface Target {
  readonly name: string;
  readonly url: string;
  readonly process: ChildProcess;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function main(): Promise<void> {
  const [customerPort, unusedA, unusedB] = await freePorts(3);
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
  // Started alternately (on, off, on, …) so that neither side gets the earlier processes.
  const sides = { on: [] as Target[], off: [] as Target[] };
  const sidePorts = await freePorts(2 * PAIRS);
  for (let k = 0; k < PAIRS; k++) {
    sides.on.push(
      gatewayTarget(`metrics + tracing (no exporter) #${k + 1}`, sidePorts[2 * k]!, {}),
    );
    sides.off.push(gatewayTarget(`both off #${k + 1}`, sidePorts[2 * k + 1]!, OFF));
  }
  const targets = [...sides.on, ...sides.off];
  // The CPU rounds also load, at the same time: a bare node:http proxy (the gateway's floor,
  // README: Gateway) and, with BENCH_BASELINE=<another bundle folder beside dist>, that
  // build's gateway on and off (before/after comparisons in one run).
  const [barePort, unbufferedPort, baseOnPort, baseOffPort] = await freePorts(4);
  const cpuTargets: Target[] = [
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
    (['on', 'off'] as const).map((side) => [side, { rps: [] as number[], cpuUs: [] as number[] }]),
  );
  for (let round = 0; round < ROUNDS; round++) {
    // The next pair each round; alternate which side goes first (the warmer machine).
    const pair = (['on', 'off'] as const).map((side) => ({
      side,
      target: sides[side][round % PAIRS]!,
    }));
    const order = round % 2 === 0 ? pair : [...pair].reverse();
    for (const { side, target } of order) {
      const before = cpuTicks(target.process.pid!);
      const result = await load(target.url, SECONDS);
      const ticks = cpuTicks(target.process.pid!) - before;
      const entry = results.get(side)!;
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
    const on = results.get('on')!;
    const off = results.get('off')!;
    console.log(
      `\n## Gateway: observability overhead (${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, load ${loadAtStart.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)})\n`,
    );
    console.log(
      `${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s each, interleaved over ${PAIRS} pairs of processes; medians.\n`,
    );
    console.log('| gateway | req/s | gateway CPU µs/req | req/s per round |');
    console.log('|---|---:|---:|---|');
    for (const [side, entry] of results) {
      const name = side === 'on' ? 'metrics + tracing (no exporter)' : 'both off';
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
  // A side's CPU per request in a round: the mean of its processes'. Rows of the table
  // below: the two sides, then every other process.
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const sideCpu = (from: number) =>
    cpu[0]!.map((_, round) => mean(cpu.slice(from, from + PAIRS).map((rows) => rows[round]!)));
  const rows = [
    { name: 'metrics + tracing (no exporter), mean of its processes', values: sideCpu(0) },
    { name: 'both off, mean of its processes', values: sideCpu(PAIRS) },
    ...cpuTargets.map((target, i) => ({ name: target.name, values: cpu[i]! })),
  ];
  const row = (name: string) => rows.find((r) => r.name === name)!.values;
  /** The median over rounds of a's CPU per request divided by b's in the same round. */
  const ratio = (a: number[], b: number[]) => median(a.map((value, i) => value / b[i]!));
  console.log(
    `\n### CPU rounds: ${CPU_ROUNDS} × ${CPU_REQUESTS} GETs to each process at once (load average ${loadBefore.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)})\n`,
  );
  console.log('| process | CPU µs/req (median) | vs both off, same round (median) | per round |');
  console.log('|---|---:|---:|---|');
  const on = rows[0]!.values;
  const off = rows[1]!.values;
  for (const { name, values } of rows) {
    console.log(
      `| ${name} | ${Math.round(median(values))} | ${ratio(values, off).toFixed(3)} | ${values.map((v, r) => (v / off[r]!).toFixed(2)).join(' ')} |`,
    );
  }
  const bare = row('bare node:http proxy');
  const unbuffered = row('metrics + tracing, LOG_BUFFER_BYTES=0');
  const overhead = ratio(on, off) - 1;
  const vsBare = ratio(on, bare);
  console.log(
    `\nObservability overhead (on vs off, CPU per request): **${overhead >= 0 ? '+' : ''}${(overhead * 100).toFixed(1)}%** — target ≤ 5%: ${overhead <= 0.05 ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `Unbuffered log writes (LOG_BUFFER_BYTES=0) vs buffered, both on: ${((ratio(unbuffered, on) - 1) * 100).toFixed(1)}% CPU per GET; vs the bare proxy ${ratio(unbuffered, bare).toFixed(2)}×.`,
  );
  console.log(
    `Gateway (on) CPU per GET vs the bare node:http proxy: ${vsBare.toFixed(2)}× (${Math.round(median(on))} vs ${Math.round(median(bare))} µs); the throughput ratio the ≥ 0.8× target is about is measured by \`pnpm --filter @screenmagic/gateway bench\`.`,
  );
  if (BASELINE !== undefined) {
    const baseOn = row(`${BASELINE}: on`);
    const baseOff = row(`${BASELINE}: off`);
    const before = ratio(baseOn, baseOff) - 1;
    console.log(
      `${BASELINE} (before, one process each): on vs off ${before >= 0 ? '+' : ''}${(before * 100).toFixed(1)}%; its off vs this build's off ${((ratio(baseOff, off) - 1) * 100).toFixed(1)}%; its on vs this build's on ${((ratio(baseOn, on) - 1) * 100).toFixed(1)}%; its on vs the bare proxy ${ratio(baseOn, bare).toFixed(2)}×.`,
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
