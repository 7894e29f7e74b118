import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import { WebhookTarget } from '../clients/webhook-target.ts';
import { toError } from '../errors.ts';
import { type BackoffPolicy, backoffMs } from '../queue/backoff.ts';
import { heartbeatIntervalMs, startHeartbeat } from '../queue/heartbeat.ts';
import { newWorkerId } from '../queue/worker-id.ts';
import { inChildTrace, SpanKind } from '../tracing/trace-context.ts';
import { traceIdOf } from '../tracing/trace-id-of.ts';
import { forEachLimited } from '../worker/for-each-limited.ts';
import { PollLoop } from '../worker/poll-loop.ts';
import type { EventsWebhookConfig } from './webhook-secrets.ts';

export interface EventPublisherOptions {
  /** The service's database (it has `event_outbox`: {@link createEventOutbox}). */
  readonly db: Kysely<unknown>;
  readonly webhook: EventsWebhookConfig;
  readonly isReady: () => boolean;
  readonly logger?: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'> | undefined;
  /** Events claimed per batch (each the head of its own stream). Default 200. */
  readonly batchSize?: number;
  /** POSTs in flight at once. Default 16. */
  readonly concurrency?: number;
  /** A claim not renewed for this long (database clock) is taken over. Default 30 s. */
  readonly leaseMs?: number;
}

interface ClaimedEvent {
  seq: number;
  event_id: string;
  type: string;
  occurred_at: Date;
  data: string;
  attempts: number;
  /** The trace of what caused the event (null: none was traced). */
  trace_parent: string | null;
}

/**
 * Sends the outbox to `EVENTS_WEBHOOK_URL` (SPEC §7): at least once, in order within each
 * stream, never on a request's path. The kit work queue's design, with one twist for the
 * order: a claim takes only rows that are the oldest left in their stream, so the next
 * event of a message waits until the one before it was accepted (or keeps failing).
 *
 * - Claim (READ COMMITTED): a plain read picks due heads — no earlier row of the same
 *   stream exists; then those rows are locked `FOR UPDATE SKIP LOCKED` (another replica
 *   may have them) and leased (`locked_by`, `locked_at` on the database's clock). The
 *   heads are chosen by a non-locking read on purpose: a locking subquery would skip a
 *   head another replica is claiming at that instant and take its successor.
 * - Send: one signed POST per event (Standard Webhooks headers, and a `traceparent`
 *   continuing the trace stored with the event: a span of its own under the same trace
 *   id, as deliveries do — SPEC §8); a 2xx deletes the row,
 *   anything else puts it back due after a jittered exponential back-off (on the
 *   database's clock), its stream waiting behind it.
 * - A dead publisher's lease expires and its rows are claimed again: at least once.
 */
export class EventPublisher {
  readonly #options: EventPublisherOptions;
  readonly #target: WebhookTarget;
  readonly #owner = `${newWorkerId()}/events`;
  readonly #loop: PollLoop;
  readonly #batchSize: number;
  readonly #concurrency: number;
  readonly #leaseMs: number;
  readonly #retry: BackoffPolicy;

  constructor(options: EventPublisherOptions) {
    this.#options = options;
    const { url, timeoutMs } = options.webhook;
    this.#batchSize = options.batchSize ?? 200;
    this.#concurrency = options.concurrency ?? 16;
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#retry = options.webhook.retry;
    this.#target = new WebhookTarget(url, { connections: this.#concurrency, timeoutMs });
    const poll = options.webhook.pollIntervalMs;
    this.#loop = new PollLoop({
      name: 'events publisher',
      runBatch: () => this.runBatch(),
      pollIntervalMs: poll,
      errorDelayMs: Math.max(1_000, poll * 2),
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }

  start(): void {
    this.#loop.start();
  }

  /** Events were just committed: look now instead of at the next poll. */
  wake(): void {
    this.#loop.wake();
  }

  /** Stops claiming; the POSTs in flight finish and are recorded. */
  async stop(): Promise<void> {
    await this.#loop.stop();
    await this.#target.close();
  }

  /** One batch: claim due heads, POST them, record the outcomes. Returns how many it claimed. */
  async runBatch(): Promise<number> {
    if (!this.#options.isReady()) return 0;
    const events = await this.#claim();
    if (events.length === 0) return 0;
    const seqs = events.map((event) => event.seq);
    const stopHeartbeat = startHeartbeat({
      everyMs: heartbeatIntervalMs(this.#leaseMs),
      beat: () => this.#renew(seqs),
      onError: (err) => this.#options.logger?.warn({ err }, 'could not renew event claims'),
    });
    const sent: number[] = [];
    const failed: { event: ClaimedEvent; error: string }[] = [];
    try {
      await forEachLimited(events, this.#concurrency, async (event) => {
        const error = await this.#post(event);
        if (error === null) sent.push(event.seq);
        else failed.push({ event, error });
      });
    } finally {
      stopHeartbeat();
    }
    await this.#complete(sent);
    for (const { event, error } of failed) await this.#retryLater(event, error);
    const first = failed[0];
    if (first !== undefined) {
      // One line per batch; it names its first refused event, with that event's trace.
      this.#options.logger?.warn(
        {
          failed: failed.length,
          sent: sent.length,
          error: first.error,
          eventId: first.event.event_id,
          type: first.event.type,
          traceId: traceIdOf(first.event.trace_parent),
        },
        'events webhook did not accept some events; they will be retried',
      );
    }
    return events.length;
  }

  async #claim(): Promise<ClaimedEvent[]> {
    const db = this.#options.db;
    const lease = sql`UTC_TIMESTAMP(3) - INTERVAL ${this.#leaseMs * 1000} MICROSECOND`;
    return db
      .transaction()
      .setIsolationLevel('read committed')
      .execute(async (trx) => {
        const heads = await sql<{ seq: number }>`
          SELECT o.seq FROM event_outbox o
          WHERE o.due_at <= UTC_TIMESTAMP(3)
            AND (o.locked_by IS NULL OR o.locked_at < ${lease})
            AND NOT EXISTS (SELECT 1 FROM event_outbox p
                            WHERE p.stream = o.stream AND p.seq < o.seq)
          ORDER BY o.due_at, o.seq
          LIMIT ${this.#batchSize}`.execute(trx);
        if (heads.rows.length === 0) return [];
        const rows = await sql<ClaimedEvent>`
          SELECT seq, event_id, type, occurred_at, data, attempts, trace_parent FROM event_outbox
          WHERE seq IN (${sql.join(heads.rows.map((row) => row.seq))})
            AND (locked_by IS NULL OR locked_at < ${lease})
          FOR UPDATE SKIP LOCKED`.execute(trx);
        if (rows.rows.length === 0) return [];
        await sql`
          UPDATE event_outbox
          SET attempts = attempts + 1, locked_by = ${this.#owner}, locked_at = UTC_TIMESTAMP(3)
          WHERE seq IN (${sql.join(rows.rows.map((row) => row.seq))})`.execute(trx);
        return rows.rows.map((row) => ({ ...row, attempts: Number(row.attempts) + 1 }));
      });
  }

  /** POSTs one event; null when the receiver took it, else why not. */
  #post(event: ClaimedEvent): Promise<string | null> {
    return inChildTrace(
      'send event',
      {
        kind: SpanKind.PRODUCER,
        parent: event.trace_parent,
        attributes: {
          'screenmagic.event_id': event.event_id,
          'screenmagic.event_type': event.type,
        },
      },
      (traceparent) => this.#postTraced(event, traceparent),
    );
  }

  async #postTraced(event: ClaimedEvent, traceparent: string | undefined): Promise<string | null> {
    const body = eventBody(event);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'screenmagic-events',
      ...this.#options.webhook.signer?.headers(event.event_id, body),
    };
    if (traceparent !== undefined) headers['traceparent'] = traceparent;
    try {
      const status = await this.#target.post(headers, body);
      return status >= 200 && status < 300 ? null : `events webhook answered ${status}`;
    } catch (error) {
      return `events webhook unreachable: ${toError(error).message}`;
    }
  }

  async #complete(seqs: readonly number[]): Promise<void> {
    if (seqs.length === 0) return;
    await sql`DELETE FROM event_outbox
              WHERE seq IN (${sql.join(seqs)}) AND locked_by = ${this.#owner}`.execute(
      this.#options.db,
    );
  }

  async #retryLater(event: ClaimedEvent, error: string): Promise<void> {
    const waitMs = backoffMs(event.attempts, this.#retry);
    await sql`UPDATE event_outbox
              SET due_at = UTC_TIMESTAMP(3) + INTERVAL ${waitMs * 1000} MICROSECOND,
                  locked_by = NULL, locked_at = NULL, last_error = ${error.slice(0, 500)}
              WHERE seq = ${event.seq} AND locked_by = ${this.#owner}`.execute(this.#options.db);
  }

  async #renew(seqs: readonly number[]): Promise<void> {
    await sql`UPDATE event_outbox SET locked_at = UTC_TIMESTAMP(3)
              WHERE seq IN (${sql.join(seqs)}) AND locked_by = ${this.#owner}`.execute(
      this.#options.db,
    );
  }
}

/** `{"id","type","occurredAt","data"}` (SPEC §7). */
export function eventBody(
  event: Pick<ClaimedEvent, 'event_id' | 'type' | 'occurred_at' | 'data'>,
): string {
  return (
    `{"id":${JSON.stringify(event.event_id)},"type":${JSON.stringify(event.type)},` +
    `"occurredAt":${JSON.stringify(event.occurred_at.toISOString())},"data":${compactJson(event.data)}}`
  );
}

/**
 * The stored `data` re-serialized (the database's JSON_OBJECT adds spaces), its null
 * members dropped: an optional field is absent, never null (`broadcastId | orderId`).
 */
function compactJson(text: string): string {
  const data = JSON.parse(text) as Record<string, unknown>;
  return JSON.stringify(data, (key, value: unknown) =>
    key !== '' && value === null ? undefined : value,
  );
}
