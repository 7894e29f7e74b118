/**
 * What the gateway costs, in one run: `POST /v1/customers` and `GET /v1/customers/{id}`
 * against the customer service directly, through a bare node:http pipe proxy (the floor
 * cost of one extra hop), through a bare Fastify + @fastify/http-proxy app (the floor of
 * the gateway's framework) and through the gateway; then p99 at a steady, evenly paced
 * 1,000 req/s through the gateway (and direct, for comparison), and the gateway's RSS
 * under load. Everything runs on 127.0.0.1 in throwaway databases (dropped at the end);
 * every load is bounded in time.
 *
 *   pnpm --filter @screenmagic/gateway bench      (MYSQL_URL as for the services)
 *
 * BENCH_SECONDS (default 5) per measured run, BENCH_ROUNDS (default 3) rounds per target
 * (interleaved, so a noisy neighbour hurts every target alike; the median is reported),
 * BENCH_CONNECTIONS (default 32).
 */
import autocannon, { type Request as AutocannonRequest, type Result } from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropDatabase } from '@screenmagic/service-kit';
import { freePorts } from '@screenmagic/service-kit/testing/net';

const here = dirname(fileURLToPath(import.meta.url));
const gatewayDir = join(here, '..');
const customerDir = join(here, '..', '..', 'services', 'customer');

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 32);
const STEADY_RATE = 1_000;
const STEADY_SECONDS = 8;
const SEED_CUSTOMERS = 500;
const mysqlUrl = new URL(process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306');
const prefix = `bench_gw_${randomBytes(3).toString('hex')}_`;
const apiKey = `bench-${randomBytes(12).toString('hex')}`;

type Target = 'direct' | 'bare proxy' | 'Fastify + http-proxy' | 'gateway';
type Route = 'POST /v1/customers' | 'GET /v1/customers/{id}';
interface Row {
  target: Target;
  route: Route;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU time the proxy process spent per request (µs), when there is a proxy. */
  proxyCpuUs?: number;
}

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
    // Logs go nowhere: a collector would read them in production; the serialization still runs.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) =>
    process.stderr.write(`[${name}] ${chunk.toString('utf8')}`),
  );
  children.push(child);
  return child;
}

async function waitFor(url: string, status = 200, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const dead = children.find((child) => child.exitCode !== null);
    if (dead) throw new Error(`a process exited (${dead.exitCode}) before ${url} answered`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === status) return;
    } catch {
      // not up yet
    }
    if (performance.now() > deadline) throw new Error(`${url} did not answer ${status} in time`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function procStat(pid: number): { rssBytes: number; cpuTicks: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesized command): utime, stime.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { rssBytes: rssKb * 1024, cpuTicks: Number(fields[11]) + Number(fields[12]) };
}
const CLOCK_TICKS_PER_SECOND = 100;

function requestsFor(route: Route, ids: readonly string[]): AutocannonRequest[] | undefined {
  if (route === 'POST /v1/customers') return undefined;
  let next = 0;
  return [
    {
      method: 'GET',
      setupRequest: (request) => ({
        ...request,
        path: `/v1/customers/${ids[next++ % ids.length]}`,
      }),
    },
  ];
}

function load(
  baseUrl: string,
  route: Route,
  ids: readonly string[],
  options: { seconds: number; rate?: number },
) {
  const requests = requestsFor(route, ids);
  return autocannon({
    url: `${baseUrl}/v1/customers`,
    connections: options.rate ? 20 : CONNECTIONS,
    duration: options.seconds,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    ...(options.rate ? { overallRate: options.rate } : {}),
    ...(requests
      ? { requests }
      : {
          method: 'POST',
          body: JSON.stringify({
            name: 'Bench [<id>]',
            workingHours: { timeZone: 'Asia/Kolkata', start: '09:00', end: '18:00' },
          }),
          idReplacement: true,
        }),
  });
}

function errorsOf(result: Result): number {
  return result.errors + result.timeouts + result.non2xx;
}

function ratio(a: number, b: number): string {
  return b === 0 ? 'n/a' : `${(a / b).toFixed(2)}x`;
}

async function main(): Promise<void> {
  const [customerPort, gatewayPort, barePort, unusedA, unusedB, floorPort] = await freePorts(6);
  const customerUrl = `http://127.0.0.1:${customerPort}`;
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  const bareUrl = `http://127.0.0.1:${barePort}`;
  const floorUrl = `http://127.0.0.1:${floorPort}`;

  const loadAtStart = loadavg()[0] ?? 0;
  console.log(
    `gateway bench: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  start('customer', customerDir, ['src/server.ts'], {
    PORT: String(customerPort),
    HOST: '127.0.0.1',
    MYSQL_URL: mysqlUrl.href,
    MYSQL_DATABASE_PREFIX: prefix,
    NODE_ENV: 'production',
    // Required in production; the bench itself never calls /internal/*.
    INTERNAL_TOKEN: randomBytes(24).toString('base64url'),
    LOG_LEVEL: 'info',
  });
  // Exactly as `pnpm start` runs it (its V8 heap flags included).
  const gatewayStart = (
    JSON.parse(readFileSync(join(gatewayDir, 'package.json'), 'utf8')) as {
      scripts: { start: string };
    }
  ).scripts.start;
  const gateway = start('gateway', gatewayDir, gatewayStart.split(/\s+/).slice(1), {
    PORT: String(gatewayPort),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    GATEWAY_API_KEYS: apiKey,
    GATEWAY_METRICS_PORT: '0',
    // The limit is measured by the tests; here it must not cut the load short.
    RATE_LIMIT_PER_MINUTE: '10000000',
    CUSTOMER_SERVICE_URL: customerUrl,
    OUTGOING_SERVICE_URL: `http://127.0.0.1:${unusedA}`,
    INCOMING_SERVICE_URL: `http://127.0.0.1:${unusedB}`,
  });
  const bare = start(
    'bare proxy',
    gatewayDir,
    ['bench/bare-proxy.ts', String(barePort), customerUrl],
    {},
  );
  await waitFor(`${customerUrl}/readyz`);
  await waitFor(`${gatewayUrl}/healthz`);
  const floor = start(
    'fastify floor',
    gatewayDir,
    ['bench/fastify-floor.ts', String(floorPort), customerUrl],
    {},
  );
  await waitFor(`${bareUrl}/readyz`);
  await waitFor(`${floorUrl}/v1/customers/none`, 404);

  const ids: string[] = [];
  for (let batch = 0; batch < SEED_CUSTOMERS / 50; batch++) {
    const created = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const response = await fetch(`${customerUrl}/v1/customers`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            name: `Seed ${batch * 50 + i}`,
            workingHours: { timeZone: 'Europe/London', start: '08:00', end: '20:00' },
          }),
        });
        return ((await response.json()) as { id: string }).id;
      }),
    );
    ids.push(...created);
  }
  const idleRss = procStat(gateway.pid!).rssBytes;

  const targets: Array<[Target, string, ChildProcess | undefined]> = [
    ['direct', customerUrl, undefined],
    ['bare proxy', bareUrl, bare],
    ['Fastify + http-proxy', floorUrl, floor],
    ['gateway', gatewayUrl, gateway],
  ];
  let peakRss = idleRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, procStat(gateway.pid!).rssBytes);
  }, 200);

  for (const [, url] of targets) await load(url, 'GET /v1/customers/{id}', ids, { seconds: 2 });

  const rows: Row[] = [];
  for (const route of ['POST /v1/customers', 'GET /v1/customers/{id}'] as const) {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [target, url, proxy] of targets) {
        const before = proxy ? procStat(proxy.pid!).cpuTicks : 0;
        const result = await load(url, route, ids, { seconds: SECONDS });
        const cpuTicks = proxy ? procStat(proxy.pid!).cpuTicks - before : 0;
        rows.push({
          target,
          route,
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: errorsOf(result),
          ...(proxy
            ? {
                proxyCpuUs:
                  (cpuTicks / CLOCK_TICKS_PER_SECOND / Math.max(1, result.requests.total)) * 1e6,
              }
            : {}),
        });
        process.stdout.write(
          `  ${route} ${target} round ${round + 1}: ${Math.round(result.requests.average)} req/s\n`,
        );
      }
    }
  }

  // Direct runs at the same rate show what the service itself contributes to the tail.
  const steady: Array<{ route: Route; target: Target; result: Result }> = [];
  for (const route of ['GET /v1/customers/{id}', 'POST /v1/customers'] as const) {
    for (const [target, url] of [
      ['gateway', gatewayUrl],
      ['direct', customerUrl],
    ] as const) {
      steady.push({
        route,
        target,
        result: await load(url, route, ids, { seconds: STEADY_SECONDS, rate: STEADY_RATE }),
      });
    }
  }
  clearInterval(sampler);

  const summary = summarize(rows);
  console.log(`\n## Gateway benchmark (${new Date().toISOString().slice(0, 10)})\n`);
  console.log(
    `Load average (1 min) at the start ${loadAtStart.toFixed(1)}, at the end ${(loadavg()[0] ?? 0).toFixed(1)} on ${cpus().length} cores: anything else running competes with every measurement, the tail latencies most.\n`,
  );
  console.log(
    `${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s per target and route, interleaved; medians.\n`,
  );
  console.log('| route | target | req/s | p50 ms | p99 ms | proxy CPU µs/req | errors |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const row of summary) {
    console.log(
      `| ${row.route} | ${row.target} | ${Math.round(row.rps)} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} | ${
        row.proxyCpuUs === undefined ? '–' : Math.round(row.proxyCpuUs)
      } | ${row.errors} |`,
    );
  }
  console.log(
    '\n| route | gateway / bare proxy (target ≥ 0.80x) | gateway / direct (target ≥ 0.45x) | Fastify + http-proxy / bare proxy |',
  );
  console.log('|---|---:|---:|---:|');
  for (const route of ['POST /v1/customers', 'GET /v1/customers/{id}'] as const) {
    const of = (target: Target) =>
      summary.find((row) => row.route === route && row.target === target)?.rps ?? 0;
    console.log(
      `| ${route} | ${ratio(of('gateway'), of('bare proxy'))} | ${ratio(of('gateway'), of('direct'))} | ${ratio(of('Fastify + http-proxy'), of('bare proxy'))} |`,
    );
  }
  const get = (target: Target) =>
    summary.find((row) => row.route === 'GET /v1/customers/{id}' && row.target === target);
  const getRatio = (get('gateway')?.rps ?? 0) / (get('bare proxy')?.rps ?? 1);
  console.log(
    `\nGET /v1/customers/{id}: gateway / bare proxy **${getRatio.toFixed(2)}×** — target ≥ 0.80×: ${getRatio >= 0.8 ? 'PASS' : 'FAIL'}; ` +
      `CPU per proxied GET: gateway ${Math.round(get('gateway')?.proxyCpuUs ?? 0)} µs, bare proxy ${Math.round(get('bare proxy')?.proxyCpuUs ?? 0)} µs ` +
      `(LOG_BUFFER_BYTES ${process.env['LOG_BUFFER_BYTES'] ?? 'default'}).`,
  );
  console.log(
    `\nSteady ${STEADY_RATE} req/s for ${STEADY_SECONDS} s, evenly paced (target through the gateway: p99 ≤ 50 ms):\n`,
  );
  console.log('| route | target | achieved req/s | p50 ms | p99 ms | max ms | errors |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const { route, target, result } of steady) {
    console.log(
      `| ${route} | ${target} | ${Math.round(result.requests.average)} | ${result.latency.p50.toFixed(1)} | ${result.latency.p99.toFixed(1)} | ${result.latency.max.toFixed(1)} | ${errorsOf(result)} |`,
    );
  }
  console.log(
    `\nGateway RSS: ${(idleRss / 2 ** 20).toFixed(0)} MB idle, ${(peakRss / 2 ** 20).toFixed(0)} MB peak under load (target ≤ 170 MB).`,
  );

  const out = join(gatewayDir, '.bench');
  mkdirSync(out, { recursive: true });
  const file = join(out, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        rows,
        summary,
        steady: steady.map(({ route, target, result }) => ({
          target,
          route,
          latency: result.latency,
          requests: result.requests,
          errors: errorsOf(result),
        })),
        idleRss,
        peakRss,
      },
      null,
      2,
    ),
  );
  console.log(`\nRaw results: ${file}`);
}

function summarize(rows: readonly Row[]): Row[] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = `${row.route}|${row.target}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const cpu = group.flatMap((row) => (row.proxyCpuUs === undefined ? [] : [row.proxyCpuUs]));
    return {
      target: first.target,
      route: first.route,
      rps: median(group.map((row) => row.rps)),
      p50: median(group.map((row) => row.p50)),
      p99: median(group.map((row) => row.p99)),
      errors: group.reduce((sum, row) => sum + row.errors, 0),
      ...(cpu.length > 0 ? { proxyCpuUs: median(cpu) } : {}),
    };
  });
}

async function stopAll(): Promise<void> {
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
}

try {
  await main();
} finally {
  await stopAll();
  for (const service of ['customer', 'outgoing', 'incoming'])
    await dropDatabase(mysqlUrl, `${prefix}${service}`);
}
