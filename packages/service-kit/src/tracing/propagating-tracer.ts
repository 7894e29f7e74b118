import { randomFillSync } from 'node:crypto';
import {
  type Context,
  context,
  INVALID_SPANID,
  INVALID_TRACEID,
  isSpanContextValid,
  type Span,
  type SpanOptions,
  trace,
  TraceFlags,
  type Tracer,
  type TracerProvider,
} from '@opentelemetry/api';

/** Random bytes drawn 4 KiB at a time: one system call per 512 span ids, not one each. */
const pool = Buffer.allocUnsafe(4_096);
let used = pool.length;

function randomHex(bytes: number, invalid: string): string {
  for (;;) {
    if (used + bytes > pool.length) {
      randomFillSync(pool);
      used = 0;
    }
    const id = pool.toString('hex', used, used + bytes);
    used += bytes;
    if (id !== invalid) return id;
  }
}

/** A request's trace as a relaying gateway carries it: no span object, no context. */
export interface RelayedTrace {
  readonly traceId: string;
  /** The `traceparent` of this hop's span (a new span id), for the next service. */
  readonly traceparent: string;
}

/** The ids of a new span: the caller's trace and sampled flag, or a new sampled trace. */
interface ChildIds {
  readonly traceId: string;
  readonly spanId: string;
  readonly traceFlags: number;
}

/**
 * The ids the propagating tracer gives a span whose (valid) caller is `caller`; without
 * one, a new trace, sampled, as the SDK's parent-based always-on sampling would.
 */
function childIds(caller: { traceId: string; traceFlags: number } | undefined): ChildIds {
  const spanId = randomHex(8, INVALID_SPANID);
  if (caller !== undefined) {
    return { traceId: caller.traceId, spanId, traceFlags: caller.traceFlags & TraceFlags.SAMPLED };
  }
  return { traceId: randomHex(16, INVALID_TRACEID), spanId, traceFlags: TraceFlags.SAMPLED };
}

/**
 * The trace of a request relayed without a recording span: the ids {@link PropagatingTracer}
 * would give the request's span ({@link childIds}), without the span. `parse` is
 * @opentelemetry/core's `parseTraceParent` (null for an invalid header: a new trace).
 */
export function relayedTrace(
  header: string | string[] | undefined,
  parse: (traceparent: string) => { traceId: string; traceFlags: number } | null,
): RelayedTrace {
  const value = Array.isArray(header) ? header[0] : header;
  const ids = childIds((value === undefined ? null : parse(value)) ?? undefined);
  return {
    traceId: ids.traceId,
    traceparent: `00-${ids.traceId}-${ids.spanId}-0${ids.traceFlags}`,
  };
}

/**
 * The tracer when no exporter is configured: every span is a non-recording span with ids
 * of its own — the caller's trace id, a new span id, the caller's sampled flag and
 * `tracestate` (a new trace id, sampled, when there is no caller) — so trace context
 * propagates and log lines carry the trace id exactly as with the SDK, but nothing is
 * timed, named, attributed or buffered: with nowhere to send a span, recording one is
 * pure cost (README, Benchmarks: observability overhead). The ids follow the SDK's
 * parent-based, always-on sampling, which the exporting setup uses.
 */
export class PropagatingTracer implements Tracer {
  startSpan(_name: string, options?: SpanOptions, parent: Context = context.active()): Span {
    const parentIds = options?.root === true ? undefined : trace.getSpanContext(parent);
    const caller = parentIds !== undefined && isSpanContextValid(parentIds) ? parentIds : undefined;
    const ids = childIds(caller);
    return trace.wrapSpanContext(
      caller?.traceState === undefined ? ids : { ...ids, traceState: caller.traceState },
    );
  }

  startActiveSpan<F extends (span: Span) => unknown>(name: string, fn: F): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    options: SpanOptions,
    fn: F,
  ): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    options: SpanOptions,
    parent: Context,
    fn: F,
  ): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    ...rest: [F] | [SpanOptions, F] | [SpanOptions, Context, F]
  ): ReturnType<F> {
    const fn = rest[rest.length - 1] as F;
    const options = rest.length > 1 ? (rest[0] as SpanOptions) : undefined;
    const parent = rest.length > 2 ? (rest[1] as Context) : context.active();
    const span = this.startSpan(name, options, parent);
    return context.with(trace.setSpan(parent, span), () => fn(span) as ReturnType<F>);
  }
}

/** Hands out the one {@link PropagatingTracer} whatever the tracer's name. */
export class PropagatingTracerProvider implements TracerProvider {
  readonly #tracer = new PropagatingTracer();

  getTracer(): Tracer {
    return this.#tracer;
  }
}
