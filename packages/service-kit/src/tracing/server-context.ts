import {
  type Context,
  INVALID_SPANID,
  INVALID_TRACEID,
  ROOT_CONTEXT,
  trace,
  TraceFlags,
} from '@opentelemetry/api';
import type { IncomingHttpHeaders } from 'node:http';
import { newSpanId } from './propagating-tracer.ts';

/** A version-00 `traceparent` exactly as W3C writes it (the form every caller here sends). */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The context of a request's server span when spans are not recorded, built straight from
 * the caller's `traceparent`: one non-recording span (the caller's trace id and sampled
 * flag, a new span id) in one context, where the generic path — extract the caller into a
 * context, start a span, put it in a second context — makes two of each per request.
 * Undefined when the headers are not the common case (no `traceparent`, another version or
 * spelling, a `tracestate`): the caller then takes the generic path, which handles them
 * all.
 */
export function propagatedServerContext(headers: IncomingHttpHeaders): Context | undefined {
  const traceparent = headers['traceparent'];
  if (typeof traceparent !== 'string' || headers['tracestate'] !== undefined) return undefined;
  const match = TRACEPARENT.exec(traceparent);
  if (match === null) return undefined;
  const [, traceId, parentId, flags] = match as unknown as [string, string, string, string];
  if (traceId === INVALID_TRACEID || parentId === INVALID_SPANID) return undefined;
  return trace.setSpan(
    ROOT_CONTEXT,
    trace.wrapSpanContext({
      traceId,
      spanId: newSpanId(),
      traceFlags: Number.parseInt(flags, 16) & TraceFlags.SAMPLED,
    }),
  );
}
