import {
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { relayedTrace } from './propagating-tracer.ts';
import { traceparentParser, tracingEnabled, tracingRecords } from './tracing.ts';

/** The tracer of every span the kit and the services make. */
export const tracer = trace.getTracer('screenmagic');

/** The `traceparent` header carrying the active span (undefined when there is none). */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

/** Writes `traceparent` (and `tracestate`) of the active context into `headers`. */
export function injectTraceHeaders(headers: Record<string, unknown>): void {
  propagation.inject(context.active(), headers);
}

/** Whether a span is active (work inside a trace). */
export function hasActiveSpan(): boolean {
  return trace.getSpan(context.active()) !== undefined;
}

/** The trace id of the active span, when there is one (the log lines' `traceId`). */
export function activeTraceId(): string | undefined {
  const span = trace.getSpan(context.active());
  if (span === undefined) return undefined;
  const { traceId } = span.spanContext();
  return traceId === '00000000000000000000000000000000' ? undefined : traceId;
}

/**
 * Runs `work` in a new span named `name`, ended when `work` settles (marked as an error
 * when it throws). `parent` is a stored `traceparent` (work picked up from a queue long
 * after the request that caused it: the span continues that trace), or absent to
 * continue the active context.
 */
export async function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; parent?: string | null; attributes?: Record<string, string> },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent =
    options.parent === undefined
      ? context.active()
      : options.parent === null
        ? ROOT_CONTEXT
        : storedParent(options.parent);
  const span = tracer.startSpan(
    name,
    {
      kind: options.kind ?? SpanKind.INTERNAL,
      ...(options.attributes ? { attributes: options.attributes } : {}),
    },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Runs `work` as a new span `name` continuing `options.parent` (a stored `traceparent`;
 * null: a new trace) and hands `work` that span's `traceparent` — for work that only passes
 * the trace on (a dispatcher's delivery: the webhook's header, the log channel's line).
 * When spans are exported, a recorded span ({@link inSpan}), active while `work` runs.
 * Otherwise (the default: propagation only) just the ids the propagating tracer would give
 * that span ({@link relayedTrace}): no span object, no context entered — measured 0.6 µs
 * a call against inSpan's 1.7–2.7 and its per-call context frame (issue 15, the drain).
 * Tracing disabled: `work(undefined)`.
 */
export function inChildTrace<T>(
  name: string,
  options: { kind?: SpanKind; parent: string | null; attributes?: Record<string, string> },
  work: (traceparent: string | undefined) => Promise<T>,
): Promise<T> {
  if (!tracingEnabled()) return work(undefined);
  const parse = traceparentParser();
  if (tracingRecords() || parse === undefined) {
    return inSpan(name, options, () => work(currentTraceparent()));
  }
  return work(relayedTrace(options.parent ?? undefined, parse).traceparent);
}

/** The last stored `traceparent` extracted, and its context (contexts are immutable). */
let lastStored: { readonly traceparent: string; readonly context: Context } | undefined;

/**
 * The context of a stored `traceparent`. A dispatcher's batch continues the same trace
 * for every message of a broadcast (one `traceparent` for all): extracted once, not 1,000
 * times (issue 15).
 */
function storedParent(traceparent: string): Context {
  // Before tracing starts the propagator is a no-op: nothing is remembered from then.
  if (!tracingEnabled()) return propagation.extract(ROOT_CONTEXT, { traceparent });
  if (lastStored?.traceparent !== traceparent) {
    lastStored = {
      traceparent,
      context: propagation.extract(ROOT_CONTEXT, { traceparent }),
    };
  }
  return lastStored.context;
}

export { SpanKind };
