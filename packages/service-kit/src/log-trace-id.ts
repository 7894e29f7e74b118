/**
 * Where a request's logger carries its trace id when the request runs outside a trace
 * context (a relayed request, `httpTracingPlugin` with `context: false`): the log mixin
 * reads it from the logger a line is written with before looking at the active context.
 */
export const LOG_TRACE_ID = Symbol('traceId');
