import {
  envCallTimeoutMs,
  envLeaseMs,
  envPollIntervalMs,
  ConfigError,
  envInteger,
  envOptionalPositiveNumber,
  envOptionalString,
  envOptionalUrl,
  envWorkerMode,
  type Env,
  type EventsWebhookConfig,
  readEventsWebhook,
  readServiceConfig,
  readWebhookSecrets,
  type ServiceConfig,
  WebhookSigner,
  type WorkerMode,
} from '@screenmagic/service-kit';

/**
 * Where the dispatcher runs: `on` (default) — this process serves the API and dispatches;
 * `off` — API only (a separate deployment dispatches); `only` — dispatch only, no API
 * routes (health, readiness and the test clock stay).
 */
export type DispatcherMode = WorkerMode;

export interface DispatcherConfig {
  readonly mode: DispatcherMode;
  /** Independent claim loops in this process (each its own lock owner). */
  readonly workers: number;
  /** Messages claimed per batch. */
  readonly batchSize: number;
  /** Deliveries in flight at once in this process, shared by its workers. */
  readonly concurrency: number;
  /** Wait after an empty poll. */
  readonly pollIntervalMs: number;
  /**
   * The lease: a claim not renewed for this long (the database's real time) is presumed
   * dead and taken over. Batches renew theirs every third of it while they run.
   */
  readonly lockTimeoutMs: number;
  /** Delivery attempts before a message is `failed`. */
  readonly maxAttempts: number;
  /** Deliveries per second across every replica of the deployment; undefined = no cap. */
  readonly ratePerSecond: number | undefined;
}

export interface WebhookConfig {
  readonly url: URL;
  /**
   * HMAC-SHA256 key for `X-Signature` (`DELIVERY_WEBHOOK_SECRET`); undefined: no
   * X-Signature (only `DELIVERY_WEBHOOK_SECRETS` set); '' only outside production with
   * no secret at all (see README).
   */
  readonly secret: string | undefined;
  /**
   * The Standard Webhooks signer (SPEC §7): one signature per `DELIVERY_WEBHOOK_SECRETS`
   * secret, or `DELIVERY_WEBHOOK_SECRET`'s bytes as the key; undefined with neither.
   */
  readonly signer: WebhookSigner | undefined;
  readonly timeoutMs: number;
}

/** The customer replica dispatch reads (docs/decisions.md, "The outgoing service's customer replica"). */
export interface ReplicaConfig {
  /** REPLICA_MAX_STALENESS_MS: past this without reaching the change feed's end, nothing is sent. */
  readonly maxStalenessMs: number;
  /** REPLICA_POLL_INTERVAL_MS: how often the feed is asked (below the staleness bound). */
  readonly pollIntervalMs: number;
}

export interface OutgoingConfig extends ServiceConfig {
  readonly dispatcher: DispatcherConfig;
  readonly replica: ReplicaConfig;
  /** undefined → the log channel. */
  readonly webhook: WebhookConfig | undefined;
  /** `EVENTS_WEBHOOK_URL`: status events (SPEC §7); undefined → none recorded or sent. */
  readonly events: EventsWebhookConfig | undefined;
  /** Recipients in the first page of a 202 and the default page of recipient lists. */
  readonly recipientsPageSize: number;
  /** MARKETING_CAP_PER_DAY: marketing messages per customer per customer-local day; undefined = no cap. */
  readonly marketingCapPerDay: number | undefined;
}

/**
 * The outgoing service's configuration: the shared variables plus the dispatcher and the
 * delivery channel. Throws ConfigError naming the first bad variable.
 */
export function readConfig(env: Env): OutgoingConfig {
  const base = readServiceConfig('outgoing', env);
  const mode = envWorkerMode(env, 'DISPATCHER');
  const webhookUrl = envOptionalUrl(env, 'DELIVERY_WEBHOOK_URL');
  const secret = envOptionalString(env, 'DELIVERY_WEBHOOK_SECRET');
  const secrets = readWebhookSecrets(env, 'DELIVERY_WEBHOOK_SECRETS');
  if (
    webhookUrl &&
    secret === undefined &&
    secrets === undefined &&
    env['NODE_ENV'] === 'production'
  ) {
    throw new ConfigError(
      'DELIVERY_WEBHOOK_SECRET',
      'is required with DELIVERY_WEBHOOK_URL in production (deliveries must be signed; or DELIVERY_WEBHOOK_SECRETS)',
    );
  }
  const signer = secrets
    ? new WebhookSigner(secrets)
    : secret
      ? new WebhookSigner([{ kind: 'raw', secret }])
      : undefined;
  const ratePerSecond = envOptionalPositiveNumber(env, 'DISPATCH_RATE_PER_SECOND');
  const replica = readReplicaConfig(env);
  return Object.freeze({
    ...base,
    dispatcher: Object.freeze({
      mode,
      workers: envInteger(env, 'DISPATCHER_WORKERS', { fallback: 2, min: 1, max: 32 }),
      batchSize: envInteger(env, 'DISPATCH_BATCH_SIZE', { fallback: 1_000, min: 1, max: 1_000 }),
      concurrency: envInteger(env, 'DISPATCH_CONCURRENCY', { fallback: 32, min: 1, max: 512 }),
      pollIntervalMs: envPollIntervalMs(env, 'DISPATCH_POLL_INTERVAL_MS'),
      lockTimeoutMs: envLeaseMs(env, 'DISPATCH_LOCK_TIMEOUT_MS'),
      maxAttempts: envInteger(env, 'DISPATCH_MAX_ATTEMPTS', { fallback: 10, min: 1, max: 100 }),
      ratePerSecond:
        ratePerSecond === undefined ? undefined : Math.max(1, Math.floor(ratePerSecond)),
    }),
    replica,
    webhook: webhookUrl
      ? Object.freeze({
          url: webhookUrl,
          secret: secret ?? (secrets ? undefined : ''),
          signer,
          timeoutMs: envCallTimeoutMs(env, 'DELIVERY_WEBHOOK_TIMEOUT_MS', {
            fallback: 10_000,
            max: 120_000,
          }),
        })
      : undefined,
    events: readEventsWebhook(env),
    recipientsPageSize: envInteger(env, 'RECIPIENTS_PAGE_SIZE', {
      fallback: 100,
      min: 1,
      max: 500,
    }),
    marketingCapPerDay:
      envOptionalString(env, 'MARKETING_CAP_PER_DAY') === undefined
        ? undefined
        : envInteger(env, 'MARKETING_CAP_PER_DAY', { fallback: 0, min: 0, max: 1_000 }),
  });
}

function readReplicaConfig(env: Env): ReplicaConfig {
  const maxStalenessMs = envInteger(env, 'REPLICA_MAX_STALENESS_MS', {
    fallback: 5_000,
    min: 100,
    max: 3_600_000,
  });
  const pollIntervalMs = envInteger(env, 'REPLICA_POLL_INTERVAL_MS', {
    fallback: Math.min(1_000, Math.floor(maxStalenessMs / 2)),
    min: 10,
    max: 60_000,
  });
  if (pollIntervalMs >= maxStalenessMs) {
    throw new ConfigError(
      'REPLICA_POLL_INTERVAL_MS',
      `must be below REPLICA_MAX_STALENESS_MS (${maxStalenessMs}): a healthy replica would go stale between polls`,
    );
  }
  return Object.freeze({ maxStalenessMs, pollIntervalMs });
}
