import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  collectDefaultMetrics,
  Counter,
  Histogram,
  Registry,
  type CounterConfiguration,
} from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    /** This component's Prometheus registry: services add their own metrics to it. */
    metrics: Registry;
  }
}

/** Seconds; from a fast cached read to a slow upstream (the gateway's timeout is 30 s). */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The `route` label of a request no route matched (404s of unknown paths): one value, not the URL. */
export const UNMATCHED_ROUTE = '(unmatched)';

export interface HttpMetricsOptions {
  /** Whether requests are counted and timed (`METRICS_DISABLED=1` turns it off, for benchmarks). */
  readonly recordRequests?: boolean;
}

type Labels = 'method' | 'route' | 'status';
interface Recorder {
  readonly labels: Record<Labels, string>;
  /** Requests answered since the last scrape, added to the counter when it is collected. */
  pending: number;
  readonly duration: { observe(value: number): void };
}

/**
 * A Prometheus registry per app with prom-client's default metrics (`process_*`,
 * `nodejs_*`), plus `http_requests_total{method,route,status}` and
 * `http_request_duration_seconds{method,route,status}` recorded when each response ends.
 * `route` is the matched route pattern (`/v1/customers/:id`, `/v1/broadcasts/*`), never the
 * raw URL, so the label set stays bounded. The label-bound children are cached: the hook
 * runs on every request of the gateway's hot path and prom-client's label hashing costs
 * more than the increment.
 */
/**
 * How often the event-loop delay is sampled: a timer that wakes the process each time.
 * prom-client's default, 10 ms, cost 0.7% of a core in every idle process; 100 ms still
 * 0.15–0.3% on the 2-vCPU VM where a wake-up from idle costs 150–300 µs (measured with an
 * empty process: docs/decisions.md, "Wake-ups"). Once a second gives 15–30 samples between
 * two scrapes — enough for the lag histogram's quantiles — and a loop blocked for longer
 * than a second is always seen; shorter stalls show in `nodejs_eventloop_lag_seconds`
 * (measured at each scrape) and in the request-duration histograms.
 */
const EVENT_LOOP_SAMPLE_MS = 1000;

export const httpMetricsPlugin = fp(
  (app: FastifyInstance, options: HttpMetricsOptions) => {
    const registry = new Registry();
    collectDefaultMetrics({
      register: registry,
      eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS,
    });
    app.decorate('metrics', registry);
    if (options.recordRequests === false) return;

    const recorders = new Map<string, Recorder>();
    // Counted in a plain number per label set and added when scraped (prom-client's
    // `collect`): its `inc` validates and hashes the labels on every call, even on a child
    // from `labels()`, which the gateway's hot path would pay per request.
    const requests = new Counter<Labels>({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
      collect() {
        for (const recorder of recorders.values()) {
          if (recorder.pending === 0) continue;
          this.inc(recorder.labels, recorder.pending);
          recorder.pending = 0;
        }
      },
    } satisfies CounterConfiguration<Labels>);
    const duration = new Histogram<Labels>({
      name: 'http_request_duration_seconds',
      help: 'Time from receiving a request to finishing its response, in seconds',
      labelNames: ['method', 'route', 'status'],
      buckets: HTTP_DURATION_BUCKETS,
      registers: [registry],
    });
    const recorderFor = (method: string, route: string, status: number): Recorder => {
      const key = `${method} ${status} ${route}`;
      let recorder = recorders.get(key);
      if (recorder === undefined) {
        const labels = { method, route, status: String(status) };
        recorder = { labels, pending: 0, duration: duration.labels(labels) };
        requests.inc(labels, 0);
        recorders.set(key, recorder);
      }
      return recorder;
    };

    app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
      const recorder = recorderFor(
        request.method,
        request.routeOptions.url ?? UNMATCHED_ROUTE,
        reply.statusCode,
      );
      recorder.pending++;
      recorder.duration.observe(reply.elapsedTime / 1_000);
      done();
    });
  },
  { name: 'http-metrics', fastify: '5.x' },
);
