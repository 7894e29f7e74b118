import {
  backoffMs,
  type Clock,
  isDependencyUnavailable,
  toError,
  WorkQueue,
} from '@screenmagic/service-kit';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { CustomerDirectory, OutgoingMessages } from '@screenmagic/service-kit/contracts';
import type { WorkerConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { correctionText } from '../domain/order-reply.ts';
import { formatStoredAmount } from '../domain/payment.ts';

const outbox = new WorkQueue<Database, 'order_update_outbox'>({
  table: 'order_update_outbox',
  key: 'order_id',
});

/** Corrections handled per batch (each is one customer lookup and one hand-over). */
const BATCH = 50;

export interface CorrectionWorkerOptions {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly outgoing: OutgoingMessages;
  readonly customers: CustomerDirectory;
  /** Stamped on claims (the order worker's id). */
  readonly workerId: string;
  readonly config: WorkerConfig;
  readonly logger?: Pick<FastifyBaseLogger, 'warn'> | undefined;
}

/**
 * Tells customers that a pending order's processing time moved (`kind: "order-update"`,
 * held to their window by the outgoing service, which keeps one unsent correction per
 * order and replaces its text). The text names the order's processing time as it is at
 * hand-over, in the customer's current zone. A row is removed only if no re-plan raised
 * its revision while it was being handed over; otherwise it goes again with the newer
 * time. An order confirmed meanwhile needs no correction (its confirmation says it all).
 */
export class CorrectionWorker {
  /** Corrections handed over (totals since start). */
  sent = 0;
  readonly #options: CorrectionWorkerOptions;

  constructor(options: CorrectionWorkerOptions) {
    this.#options = options;
  }

  /** One batch; returns how many rows it claimed. */
  async runBatch(): Promise<number> {
    const { db, clock, config, workerId } = this.#options;
    const now = clock.now();
    await outbox.releaseExpired(db, config.lockTimeoutMs);
    const claimed = await outbox.claim(db, {
      owner: workerId,
      now,
      limit: BATCH,
      columns: ['order_id', 'revision'],
    });
    for (const item of claimed) {
      try {
        await this.#send(item.order_id, now);
        await this.#complete(item.order_id, item.revision);
        this.sent++;
      } catch (error) {
        const err = toError(error);
        if (!isDependencyUnavailable(error)) {
          this.#options.logger?.warn({ err, orderId: item.order_id }, 'order correction failed');
        }
        const retryAt = new Date(
          now.getTime() +
            backoffMs(item.attempts, {
              baseMs: config.retryBaseMs,
              growth: 2,
              maxMs: config.retryMaxMs,
            }),
        );
        await outbox.finish(db, workerId, [item.order_id], {
          due_at: retryAt,
          last_error: err.message.slice(0, 500),
        });
      }
    }
    return claimed.length;
  }

  async #send(orderId: string, now: Date): Promise<void> {
    const { db, outgoing, customers } = this.#options;
    const order = await db
      .selectFrom('customer_order')
      .selectAll()
      .where('order_id', '=', orderId)
      .executeTakeFirst();
    if (order === undefined || order.status !== 'pending') return;
    const customer = await customers.find({ id: order.customer_id });
    if (customer === undefined) return;
    const text = correctionText(
      {
        customerName: order.customer_name,
        orderId: order.order_id,
        productId: order.product_id,
        payment: {
          method: order.payment_method,
          amount: formatStoredAmount(order.amount, order.currency),
          currency: order.currency,
        },
      },
      { processingAt: order.processing_at, now, timeZone: customer.timeZone },
    );
    await outgoing.handOver({
      kind: 'order-update',
      orderId,
      customerId: order.customer_id,
      text,
      holdToWindow: true,
    });
  }

  /** Removes the row if no re-plan raised its revision meanwhile; else makes it due again. */
  async #complete(orderId: string, revision: number): Promise<void> {
    const { db, workerId, clock } = this.#options;
    const removed = await db
      .deleteFrom('order_update_outbox')
      .where('order_id', '=', orderId)
      .where('locked_by', '=', workerId)
      .where('revision', '=', revision)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) {
      await outbox.finish(db, workerId, [orderId], { due_at: clock.now(), attempts: 0 });
    }
  }
}
