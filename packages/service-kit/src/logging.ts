import type { LoggerOptions } from 'pino';

/**
 * Structured JSON logs (pino): ISO timestamps, the component's name on every line, the
 * request id on every line logged for a request (Fastify's child logger), credentials
 * redacted.
 */
export function loggerOptions(component: string, level: string): LoggerOptions {
  return {
    level,
    base: { service: component },
    // Log lines carry the machine's real time, also under the test clock.
    // eslint-disable-next-line no-restricted-syntax
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'config.mysqlUrl.password'],
      censor: '[redacted]',
    },
  };
}
