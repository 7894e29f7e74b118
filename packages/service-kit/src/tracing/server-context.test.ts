import { ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { PropagatingTracer } from './propagating-tracer.ts';
import { propagatedServerContext } from './server-context.ts';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';

function spanOf(traceparent: string) {
  const context = propagatedServerContext({ traceparent });
  return context === undefined ? undefined : trace.getSpan(context);
}

describe('propagatedServerContext (a server span without an exporter)', () => {
  it("continues the caller's trace with a new span id and its sampled flag, as the tracer does", () => {
    const span = spanOf(`00-${TRACE_ID}-${PARENT_ID}-01`);
    const ids = span?.spanContext();
    expect(ids?.traceId).toBe(TRACE_ID);
    expect(ids?.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(ids?.spanId).not.toBe(PARENT_ID);
    expect(ids?.traceFlags).toBe(TraceFlags.SAMPLED);
    expect(span?.isRecording()).toBe(false);
    const viaTracer = new PropagatingTracer().startSpan(
      'GET /x',
      {},
      trace.setSpanContext(ROOT_CONTEXT, {
        traceId: TRACE_ID,
        spanId: PARENT_ID,
        traceFlags: TraceFlags.SAMPLED,
        isRemote: true,
      }),
    );
    expect({ ...ids, spanId: '' }).toEqual({ ...viaTracer.spanContext(), spanId: '' });
  });

  it('keeps an unsampled caller unsampled (only the sampled bit of the flags)', () => {
    expect(spanOf(`00-${TRACE_ID}-${PARENT_ID}-00`)?.spanContext().traceFlags).toBe(
      TraceFlags.NONE,
    );
    expect(spanOf(`00-${TRACE_ID}-${PARENT_ID}-03`)?.spanContext().traceFlags).toBe(
      TraceFlags.SAMPLED,
    );
  });

  it('leaves every other case to the generic path', () => {
    expect(propagatedServerContext({})).toBeUndefined();
    expect(
      propagatedServerContext({ traceparent: `00-${TRACE_ID}-${PARENT_ID}-01`, tracestate: 'a=b' }),
    ).toBeUndefined();
    expect(spanOf(`00-${TRACE_ID.toUpperCase()}-${PARENT_ID}-01`)).toBeUndefined();
    expect(spanOf(`01-${TRACE_ID}-${PARENT_ID}-01-extra`)).toBeUndefined();
    expect(spanOf(`00-${'0'.repeat(32)}-${PARENT_ID}-01`)).toBeUndefined();
    expect(spanOf(`00-${TRACE_ID}-${'0'.repeat(16)}-01`)).toBeUndefined();
  });
});
