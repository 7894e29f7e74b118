import {
  envLeaseMs,
  envPollIntervalMs,
  type Env,
  envInteger,
  envWorkerMode,
  type EventsWebhookConfig,
  readEventsWebhook,
  readServiceConfig,
  type ServiceConfig,
  type WorkerMode,
} from '@screenmagic/service-kit';

/** How the pending-order worker runs (see README, "Worker"). */
export interface WorkerConfig {
  /** `ORDER_WORKER`: on (with the API), off (API only), only (the worker alone). */
  readonly mode: WorkerMode;
  /** Wait between polls when nothing is due. */
  readonly pollIntervalMs: number;
  /** Rows claimed per batch (per queue). */
  readonly batchSize: number;
  /** Hand-overs to the outgoing service in flight at once within a batch. */
  readonly concurrency: number;
  /**
   * The lease: a claim not renewed for this long (the database's real time) is stale —
   * its worker died — and is released for others. Renewed every third of it while the
   * worker hands the batch over.
   */
  readonly lockTimeoutMs: number;
  /** First retry delay after a failed hand-over; doubles per attempt up to `retryMaxMs`. */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
}

export interface IncomingConfig extends ServiceConfig {
  readonly worker: WorkerConfig;
  /** `EVENTS_WEBHOOK_URL`: order status events (SPEC §7); undefined → none recorded or sent. */
  readonly events: EventsWebhookConfig | undefined;
}

/**
 * The incoming service's configuration: the shared variables plus `ORDER_WORKER_*`.
 * Throws ConfigError naming the first bad variable.
 */
export function readConfig(env: Env): IncomingConfig {
  const base = readServiceConfig('incoming', env);
  const retryBaseMs = envInteger(env, 'ORDER_WORKER_RETRY_BASE_MS', {
    fallback: 5_000,
    min: 1,
    max: 3_600_000,
  });
  return Object.freeze({
    ...base,
    events: readEventsWebhook(env),
    worker: Object.freeze({
      mode: envWorkerMode(env, 'ORDER_WORKER'),
      pollIntervalMs: envPollIntervalMs(env, 'ORDER_WORKER_POLL_INTERVAL_MS', 600_000),
      batchSize: envInteger(env, 'ORDER_WORKER_BATCH_SIZE', { fallback: 200, min: 1, max: 5_000 }),
      concurrency: envInteger(env, 'ORDER_WORKER_CONCURRENCY', { fallback: 32, min: 1, max: 256 }),
      lockTimeoutMs: envLeaseMs(env, 'ORDER_WORKER_LOCK_TIMEOUT_MS'),
      retryBaseMs,
      retryMaxMs: envInteger(env, 'ORDER_WORKER_RETRY_MAX_MS', {
        fallback: 300_000,
        min: retryBaseMs,
        max: 86_400_000,
      }),
    }),
  });
}
