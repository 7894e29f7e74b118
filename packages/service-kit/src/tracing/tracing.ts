import { context, propagation, type SpanContext, trace } from '@opentelemetry/api';
import type { Env } from '../config/env.ts';
import { readTracingSettings } from '../config/tracing-settings.ts';
import { rememberingLast } from '../remembering-last.ts';
import { PropagatingTracerProvider } from './propagating-tracer.ts';

/** What {@link startTracing} set up for this process. */
export interface Tracing {
  /** False under `OTEL_SDK_DISABLED=true`: no spans, no propagation. */
  readonly enabled: boolean;
  /** The OTLP/HTTP traces URL spans are exported to; undefined when none is configured. */
  readonly exportUrl: URL | undefined;
  /** Exports the spans still buffered and stops (on shutdown). */
  shutdown(): Promise<void>;
}

let current: Tracing | undefined;
/** The W3C `traceparent` parser of @opentelemetry/core, loaded with tracing. */
let parser: ((traceparent: string) => SpanContext | null) | undefined;

/**
 * `@opentelemetry/core`'s `parseTraceParent`, once tracing is started and enabled (it is
 * loaded with the propagator, not at import: a process with tracing off never loads it).
 */
export function traceparentParser(): ((traceparent: string) => SpanContext | null) | undefined {
  return parser;
}

/** True when spans are recorded and exported (an OTLP endpoint is configured). */
export function tracingRecords(): boolean {
  return current?.exportUrl !== undefined;
}

/** True once tracing is started and enabled in this process (the HTTP hooks check it). */
export function tracingEnabled(): boolean {
  return current?.enabled === true;
}

/**
 * Starts tracing for this process, once (later calls answer the first setup): the W3C
 * `traceparent` propagator, an AsyncLocalStorage context manager, and a tracer. With an
 * OTLP endpoint configured, the SDK's tracer provider, sampling every trace (or following
 * the caller's sampled flag) and exporting in batches over OTLP/HTTP. Without one, a
 * propagation-only tracer ({@link PropagatingTracer}): spans get ids, so trace context
 * propagates and log lines carry the trace id, but are not recorded, since nothing would
 * read them (docs/decisions.md). No auto-instrumentation is loaded: the kit makes the spans
 * itself (HTTP server hooks, ServiceClient, the outgoing service's deliveries), which keeps
 * start-up and memory small.
 */
export async function startTracing(serviceName: string, env: Env): Promise<Tracing> {
  if (current) return current;
  const settings = readTracingSettings(env);
  if (!settings.enabled) {
    current = { enabled: false, exportUrl: undefined, shutdown: () => Promise.resolve() };
    return current;
  }
  const [{ AsyncLocalStorageContextManager }, { W3CTraceContextPropagator, parseTraceParent }] =
    await Promise.all([
      import('@opentelemetry/context-async-hooks'),
      import('@opentelemetry/core'),
    ]);
  // A dispatcher's batch of a broadcast relays one stored `traceparent` for every message:
  // the regular expression runs once, not 1,000 times (issue 15, the drain).
  parser = rememberingLast(parseTraceParent);
  let shutdown = (): Promise<void> => Promise.resolve();
  if (settings.exportUrl) {
    // Loaded only when spans are exported: the SDK, the exporter and its transformer are
    // most of tracing's memory (README, Benchmarks).
    const [
      { resourceFromAttributes },
      { BatchSpanProcessor, TracerProvider },
      { OTLPTraceExporter },
    ] = await Promise.all([
      import('@opentelemetry/resources'),
      import('@opentelemetry/sdk-trace'),
      import('@opentelemetry/exporter-trace-otlp-http'),
    ]);
    const provider = new TracerProvider({
      resource: resourceFromAttributes({ 'service.name': `screenmagic-${serviceName}` }),
      spanProcessors: [
        new BatchSpanProcessor({
          exporter: new OTLPTraceExporter({ url: settings.exportUrl.href }),
        }),
      ],
    });
    trace.setGlobalTracerProvider(provider);
    shutdown = () => provider.shutdown();
  } else {
    trace.setGlobalTracerProvider(new PropagatingTracerProvider());
  }
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  current = { enabled: true, exportUrl: settings.exportUrl, shutdown };
  return current;
}
