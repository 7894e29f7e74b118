/**
 * The CPU the kit's observability adds to one request, measured apart from the network,
 * the framework and the other processes (a steadier number than throughput on a shared
 * machine): in a loop, what the HTTP hooks do per request — extract the caller's
 * traceparent, start a server span, enter its context three times, inject it into the
 * upstream headers, end it (tracing on, no exporter); count and time the request with
 * label-bound children (metrics). Compare with the gateway's CPU per proxied request
 * (gateway/README.md: ~320 µs for GET /v1/customers/{id}).
 *
 *   node bench/observability-hooks.ts        (BENCH_ITERATIONS, default 200000)
 */
import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { Counter, Histogram, Registry } from 'prom-client';
import { startTracing } from '../src/tracing/tracing.ts';

const ITERATIONS = Number(process.env['BENCH_ITERATIONS'] ?? 200_000);
await startTracing('bench', {});
const tracer = trace.getTracer('screenmagic');
const registry = new Registry();
const labels = { method: 'GET', route: '/v1/customers/*', status: '200' };
const labelNames = ['method', 'route', 'status'] as const;
const count = new Counter({ name: 'c', help: 'c', labelNames, registers: [registry] }).labels(
  labels,
);
const duration = new Histogram({ name: 'h', help: 'h', labelNames, registers: [registry] }).labels(
  labels,
);
const headers = { traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`, host: 'gateway' };
const nothing = (): void => undefined;

function tracing(): void {
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const span = tracer.startSpan(
    'GET /v1/customers/*',
    {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': 'GET',
        'http.route': '/v1/customers/*',
        'url.path': '/v1/customers/cus_1',
      },
    },
    parent,
  );
  const active = trace.setSpan(parent, span);
  context.with(active, nothing);
  context.with(active, nothing);
  const upstream: Record<string, string> = {};
  propagation.inject(active, upstream);
  span.setAttribute('http.response.status_code', 200);
  span.end();
  context.with(active, nothing);
}

function metrics(): void {
  count.inc();
  duration.observe(0.012);
}

function cpuPerCall(work: () => void): number {
  const before = process.cpuUsage();
  for (let i = 0; i < ITERATIONS; i++) work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / ITERATIONS;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
cpuPerCall(tracing);
cpuPerCall(metrics);
const results = { tracing: [] as number[], metrics: [] as number[] };
for (let round = 0; round < 5; round++) {
  results.tracing.push(cpuPerCall(tracing));
  results.metrics.push(cpuPerCall(metrics));
}
console.log(
  `CPU per request, median of 5 × ${ITERATIONS}: tracing ${median(results.tracing).toFixed(2)} µs, metrics ${median(results.metrics).toFixed(2)} µs`,
);
