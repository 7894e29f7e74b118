import { context, propagation, trace } from '@opentelemetry/api';
import type { SpanProcessor } from '@opentelemetry/sdk-trace';
import type { Env } from '../config/env.ts';
import { readTracingSettings } from '../config/tracing-settings.ts';

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

/** True once tracing is started and enabled in this process (the HTTP hooks check it). */
export function tracingEnabled(): boolean {
  return current?.enabled === true;
}

/**
 * Starts tracing for this process, once (later calls answer the first setup): the W3C
 * `traceparent` propagator, an AsyncLocalStorage context manager, and a tracer provider
 * that samples every trace (or follows the caller's sampled flag) — exporting in batches
 * over OTLP/HTTP when an endpoint is configured, exporting nothing otherwise (spans are
 * still made, so ids propagate and log lines carry the trace id). No auto-instrumentation
 * is loaded: the kit makes the spans itself (HTTP server hooks, ServiceClient, the
 * outgoing service's deliveries), which keeps start-up and memory small.
 */
export async function startTracing(serviceName: string, env: Env): Promise<Tracing> {
  if (current) return current;
  const settings = readTracingSettings(env);
  if (!settings.enabled) {
    current = { enabled: false, exportUrl: undefined, shutdown: () => Promise.resolve() };
    return current;
  }
  // Loaded only when tracing is on: the SDK is most of its memory (README, Benchmarks).
  const [
    { AsyncLocalStorageContextManager },
    { W3CTraceContextPropagator },
    { resourceFromAttributes },
    { BatchSpanProcessor, TracerProvider },
  ] = await Promise.all([
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/core'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-trace'),
  ]);
  const spanProcessors: SpanProcessor[] = [];
  if (settings.exportUrl) {
    // Loaded only when used: the exporter and its protobuf/JSON transformer are most of
    // the SDK's weight.
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    spanProcessors.push(
      new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: settings.exportUrl.href }) }),
    );
  }
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': `screenmagic-${serviceName}` }),
    spanProcessors,
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  current = {
    enabled: true,
    exportUrl: settings.exportUrl,
    shutdown: () => provider.shutdown(),
  };
  return current;
}
