import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';
import { LOG_TRACE_ID } from './log-trace-id.ts';
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
    // The logger's own trace id first (a relayed request's), else the active span's.
    mixin: (_line, _level, logger) => {
      const traceId =
        (logger as unknown as Record<symbol, string | undefined>)[LOG_TRACE_ID] ?? activeTraceId();
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

/** A component's logger ({@link loggerOptions}) writing to `destination`. */
export function createLogger(
  component: string,
  level: string,
  destination: DestinationStream,
): Logger {
  return pino(loggerOptions(component, level), destination);
}

/** `LOG_BUFFER_BYTES` when unset: log lines are written to stdout in batches of about 4 KiB. */
export const DEFAULT_LOG_BUFFER_BYTES = 4_096;
/** How long a line may wait in the buffer when traffic is too light to fill it. */
const LOG_FLUSH_INTERVAL_MS = 1_000;

/**
 * Where log lines go: stdout through pino's own destination (sonic-boom), asynchronous and
 * buffered — lines are handed to the kernel once `bufferBytes` have gathered (0: every
 * line on its own, pino's default) and at least every second. pino flushes the buffer
 * synchronously when the process exits (`process.exit` on SIGTERM/SIGINT after the
 * graceful shutdown, a fatal error, an uncaught exception); only a process killed outright
 * (SIGKILL, OOM kill) loses the lines of its last second. Why (docs/decisions.md, logging):
 * one write per line was ≈ 17% of the gateway's CPU per proxied request.
 */
export function logDestination(bufferBytes: number): DestinationStream {
  const destination = pino.destination({ dest: 1, sync: false, minLength: bufferBytes });
  if (bufferBytes > 0) {
    // The flush timer is armed by the first line into an empty buffer, not kept running: a
    // process with nothing to log is not woken every second to flush nothing (an idle
    // wake-up costs 0.2–0.3 ms of CPU on a small VM; docs/decisions.md, "Wake-ups").
    let flush: NodeJS.Timeout | undefined;
    const write = destination.write.bind(destination);
    destination.write = (line: string): boolean => {
      flush ??= setTimeout(() => {
        flush = undefined;
        destination.flush();
      }, LOG_FLUSH_INTERVAL_MS).unref();
      return write(line);
    };
  }
  return destination;
}
