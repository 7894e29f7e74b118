import {
  backoffMs,
  type Clock,
  forEachLimited,
  heartbeatIntervalMs,
  inSpan,
  isDependencyUnavailable,
  SpanKind,
  startHeartbeat,
  toError,
  traceIdOf,
} from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { OutgoingMessages } from '@screenmagic/service-kit/contracts';
import type { WorkerConfig } from '../config.ts';
import type { Database, QueueName } from '../db/database.ts';
import {
  findHandoverFacts,
  type HandoverOutcome,
  markConfirmed,
  recordHandover,
} from '../db/order-repository.ts';
import type { OrderEvents } from '../db/order-event-repository.ts';
import {
  type ClaimedItem,
  claimDue,
  releaseStaleClaims,
  renewClaims,
  rescheduleClaimed,
  takeClaimed,
} from '../db/work-queue.ts';

/** What the worker has done (totals since it was created). */
export interface WorkerCounts {
  /** Pending orders confirmed (their confirmation handed over). */
  confirmed: number;
  /** Confirmations the outgoing service accepted (pending orders and the outbox). */
  handedOver: number;
  /** Hand-overs that failed and were rescheduled. */
  retried: number;
}

export interface OrderWorkerOptions {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly outgoing: OutgoingMessages;
  /** Unique per process: claims are stamped with it. */
  readonly workerId: string;
  readonly config: WorkerConfig;
  /** Order status events (SPEC §7), written with each confirmation. */
  readonly events: OrderEvents;
  readonly logger?: Pick<FastifyBaseLogger, 'warn' | 'error'>;
}

interface Failure {
  readonly item: ClaimedItem;
  readonly error: string;
}

/**
 * Confirms pending orders when the business opens and retries confirmations the
 * outgoing service could not take at once. One batch: release claims whose lease expired
 * (on the database's clock), then for each queue claim what is due (by the injected
 * clock), hand each confirmation to the outgoing service while a heartbeat renews the
 * leases, and only then mark the order confirmed and delete its queue row — so a crash
 * at any point repeats the hand-over (idempotent there) but never confirms twice, and an
 * outage leaves the order pending with a jittered, exponentially later retry.
 */
export class OrderWorker {
  readonly counts: WorkerCounts = { confirmed: 0, handedOver: 0, retried: 0 };
  readonly #options: OrderWorkerOptions;

  constructor(options: OrderWorkerOptions) {
    this.#options = options;
  }

  /** One batch over both queues; returns how many rows it claimed. */
  async runBatch(): Promise<number> {
    const { db, clock, config } = this.#options;
    const now = clock.now();
    // Each poll (an index range on locked_at): a dead worker's rows are due again within
    // the lease plus one poll interval.
    await releaseStaleClaims(db, 'pending_order', config.lockTimeoutMs);
    await releaseStaleClaims(db, 'confirmation_outbox', config.lockTimeoutMs);
    const pending = await this.#runQueue('pending_order', now);
    const outbox = await this.#runQueue('confirmation_outbox', now);
    return pending + outbox;
  }

  async #runQueue(queue: QueueName, now: Date): Promise<number> {
    const { db, config, workerId } = this.#options;
    const claimed = await claimDue(db, queue, { now, workerId, limit: config.batchSize });
    if (claimed.length === 0) return 0;

    const held = claimed.map((item) => item.orderId);
    const stopHeartbeat = startHeartbeat({
      everyMs: heartbeatIntervalMs(config.lockTimeoutMs),
      beat: () => renewClaims(db, queue, workerId, held),
      onError: (err) => this.#options.logger?.warn({ err, queue }, 'could not renew claims'),
    });
    try {
      await this.#complete(queue, claimed);
    } finally {
      stopHeartbeat();
    }
    return claimed.length;
  }

  /** Hands the claimed confirmations over and records the outcome of each. */
  async #complete(queue: QueueName, claimed: readonly ClaimedItem[]): Promise<void> {
    const { db, clock, config, workerId } = this.#options;
    const { outcomes, failures } = await this.#handOver(queue, claimed);
    const completedAt = clock.now();
    await db.transaction().execute(async (trx) => {
      const taken = new Set(
        await takeClaimed(
          trx,
          queue,
          workerId,
          outcomes.map((outcome) => outcome.orderId),
        ),
      );
      const mine = outcomes.filter((outcome) => taken.has(outcome.orderId));
      if (queue === 'pending_order')
        this.counts.confirmed += await markConfirmed(trx, mine, completedAt, this.#options.events);
      else await recordHandover(trx, mine, completedAt);
    });
    await rescheduleClaimed(
      db,
      queue,
      workerId,
      failures.map(({ item, error }) => ({
        orderId: item.orderId,
        dueAt: new Date(
          completedAt.getTime() +
            backoffMs(item.attempts, {
              baseMs: config.retryBaseMs,
              growth: 2,
              maxMs: config.retryMaxMs,
            }),
        ),
        error,
      })),
    );
    this.counts.handedOver += outcomes.filter((outcome) => outcome.messageId !== null).length;
    this.counts.retried += failures.length;
  }

  /**
   * Hands each claimed confirmation over, a few at a time. After the first "outgoing
   * unavailable" the rest of the batch is not attempted (each would wait for the same
   * timeout) and is retried with the failed one.
   */
  async #handOver(
    queue: QueueName,
    claimed: readonly ClaimedItem[],
  ): Promise<{ outcomes: HandoverOutcome[]; failures: Failure[] }> {
    const { db, outgoing, config, logger } = this.#options;
    const facts = await findHandoverFacts(
      db,
      claimed.map((item) => item.orderId),
    );
    const outcomes: HandoverOutcome[] = [];
    const failures: Failure[] = [];
    let unavailable: string | undefined;
    await forEachLimited(claimed, config.concurrency, async (item) => {
      const order = facts.get(item.orderId);
      if (order === undefined) {
        outcomes.push({
          orderId: item.orderId,
          messageId: null,
          error: 'ORDER_MISSING',
          traceParent: item.traceParent,
        });
        return;
      }
      if (unavailable !== undefined) {
        failures.push({ item, error: unavailable });
        return;
      }
      try {
        // Continues the trace of the request that placed the order.
        const result = await inSpan(
          'hand over confirmation',
          {
            kind: SpanKind.CONSUMER,
            parent: item.traceParent,
            attributes: { 'screenmagic.order_id': order.orderId, queue },
          },
          () =>
            outgoing.handOver({
              orderId: order.orderId,
              customerId: order.customerId,
              text: order.text,
              holdToWindow: queue === 'pending_order',
              ...(order.messageId === undefined ? {} : { messageId: order.messageId }),
            }),
        );
        const { traceParent } = item;
        if (result.outcome === 'accepted') {
          outcomes.push({
            orderId: order.orderId,
            messageId: result.messageId,
            error: null,
            traceParent,
          });
        } else {
          logger?.warn(
            {
              orderId: order.orderId,
              customerId: order.customerId,
              traceId: traceIdOf(traceParent),
            },
            'customer no longer exists; order confirmed without a confirmation message',
          );
          outcomes.push({
            orderId: order.orderId,
            messageId: null,
            error: 'UNKNOWN_CUSTOMER',
            traceParent,
          });
        }
      } catch (error) {
        const err = toError(error);
        if (isDependencyUnavailable(error)) unavailable = err.message;
        else {
          logger?.error(
            { err, orderId: order.orderId, traceId: traceIdOf(item.traceParent) },
            'confirmation hand-over failed',
          );
        }
        failures.push({ item, error: err.message });
      }
    });
    const first = failures[0];
    if (first !== undefined) {
      // One line per batch; it names its first failed order, with that order's trace.
      logger?.warn(
        {
          queue,
          failed: failures.length,
          reason: first.error,
          orderId: first.item.orderId,
          traceId: traceIdOf(first.item.traceParent),
        },
        'confirmations not handed over; retrying later',
      );
    }
    return { outcomes, failures };
  }
}
