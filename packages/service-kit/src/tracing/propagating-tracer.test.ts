import { ROOT_CONTEXT, trace, TraceFlags, createTraceState } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { describe, expect, it } from 'vitest';
import { PropagatingTracer } from './propagating-tracer.ts';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const tracer = new PropagatingTracer();
const w3c = new W3CTraceContextPropagator();

function callerContext(flags: string, tracestate?: string) {
  const headers: Record<string, string> = {
    traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-${flags}`,
    ...(tracestate === undefined ? {} : { tracestate }),
  };
  return w3c.extract(ROOT_CONTEXT, headers, {
    get: (carrier: Record<string, string>, key) => carrier[key],
    keys: (carrier: Record<string, string>) => Object.keys(carrier),
  });
}

describe('PropagatingTracer (tracing without an exporter)', () => {
  it("continues the caller's trace with a new span id, its sampled flag and tracestate", () => {
    const span = tracer.startSpan('GET /x', {}, callerContext('01', 'vendor=abc'));
    const ids = span.spanContext();
    expect(ids.traceId).toBe(TRACE_ID);
    expect(ids.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(ids.spanId).not.toBe('00f067aa0ba902b7');
    expect(ids.traceFlags).toBe(TraceFlags.SAMPLED);
    expect(ids.traceState?.serialize()).toBe('vendor=abc');
    expect(span.isRecording()).toBe(false);
  });

  it("keeps a caller's unsampled flag (parent-based sampling, as the SDK does)", () => {
    const span = tracer.startSpan('GET /x', {}, callerContext('00'));
    expect(span.spanContext().traceFlags).toBe(TraceFlags.NONE);
    expect(span.spanContext().traceId).toBe(TRACE_ID);
  });

  it('starts a new sampled trace without a caller, or when asked for a root span', () => {
    const first = tracer.startSpan('a', {}, ROOT_CONTEXT).spanContext();
    const second = tracer.startSpan('b', { root: true }, callerContext('01')).spanContext();
    for (const ids of [first, second]) {
      expect(ids.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(ids.traceId).not.toBe(TRACE_ID);
      expect(ids.traceFlags).toBe(TraceFlags.SAMPLED);
    }
    expect(first.traceId).not.toBe(second.traceId);
  });

  it('gives every span ids of its own', () => {
    const spanIds = new Set<string>();
    for (let i = 0; i < 2_000; i++)
      spanIds.add(tracer.startSpan('x', {}, ROOT_CONTEXT).spanContext().spanId);
    expect(spanIds.size).toBe(2_000);
  });

  it('hands startActiveSpan a child of the given context', () => {
    const parent = trace.setSpan(
      ROOT_CONTEXT,
      trace.wrapSpanContext({
        traceId: TRACE_ID,
        spanId: '00f067aa0ba902b7',
        traceFlags: TraceFlags.SAMPLED,
        traceState: createTraceState('k=v'),
      }),
    );
    const ids = tracer.startActiveSpan('work', {}, parent, (span) => span.spanContext());
    expect(ids.traceId).toBe(TRACE_ID);
    expect(ids.spanId).not.toBe('00f067aa0ba902b7');
    expect(ids.traceState?.serialize()).toBe('k=v');
  });
});
