/** A W3C `traceparent`: version, trace id, parent span id, flags (lowercase hex). */
const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}/;
const INVALID_TRACE_ID = '0'.repeat(32);

/**
 * The trace id of a stored `traceparent` (a message's, an order's, an outbox row's), for
 * the `traceId` of a worker's log line about that work: the line is written outside any
 * span (after the batch), so the log mixin finds no active trace. Undefined when there is
 * no valid one. Called only when a line is written: nothing is parsed on the paths that
 * log nothing.
 */
export function traceIdOf(traceparent: string | null | undefined): string | undefined {
  if (traceparent === null || traceparent === undefined) return undefined;
  const traceId = TRACEPARENT.exec(traceparent)?.[1];
  return traceId === INVALID_TRACE_ID ? undefined : traceId;
}
