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
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'config.mysqlUrl.password'],
      censor: '[redacted]',
    },
  };
}
