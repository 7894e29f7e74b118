import type { LoggerOptions } from 'pino';
import { activeTraceId } from './tracing/trace-context.ts';

/**
 * Structured JSON logs (pino): ISO timestamps, the component's name on every line, the
 * request id on every line logged for a request (Fastify's child logger), the trace id
 * (`traceId`) on every line logged inside a traced request or delivery, credentials
 * redacted.
 */
export function loggerOptions(component: string, level: string): LoggerOptions {
  return {
    level,
    base: { service: component },
    // A new object each time: pino merges the line's own fields into it.
    mixin: () => {
      const traceId = activeTraceId();
      return traceId === undefined ? {} : { traceId };
    },
    // Log lines carry the machine's real time, also under the test clock.
    // eslint-disable-next-line no-restricted-syntax
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'config.mysqlUrl.password'],
      censor: '[redacted]',
    },
  };
}
