/** What the e2e global setup hands to every test file (read it with `inject('e2e')`). */
export interface E2eStack {
  /** The gateway, as clients reach it: `http://127.0.0.1:<port>`. */
  readonly gatewayUrl: string;
  /** The gateway's Prometheus metrics (GATEWAY_METRICS_PORT). */
  readonly gatewayMetricsUrl: string;
  /** An API key the gateway accepts. */
  readonly apiKey: string;
  /** The services, for tests that need to look behind the gateway (e.g. start a second gateway). */
  readonly serviceUrls: {
    readonly customer: string;
    readonly outgoing: string;
    readonly incoming: string;
  };
  /** The INTERNAL_TOKEN the stack's components share (for tests that call a service directly). */
  readonly internalToken: string;
  /** The webhook receiver's base URL (`/deliveries`, `/control`); the stack delivers to `<it>/webhook`. */
  readonly webhookUrl: string;
  readonly webhookSecret: string;
  /** The BUSINESS_CALENDAR every service runs with (JSON text). */
  readonly businessCalendar: string;
  /** MYSQL_DATABASE_PREFIX of this run's databases (dropped at the end). */
  readonly databasePrefix: string;
  /** Where the stack's prefixed output goes. */
  readonly stackLogPath: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eStack;
  }
}
