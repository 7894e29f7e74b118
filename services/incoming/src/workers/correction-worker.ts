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
import type { CorrectionSent, ProcessingAtChange } from '../db/customer-order.table.ts';
import type { Database } from '../db/database.ts';
import { needsCorrection } from '../domain/order-correction.ts';
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

/** History details of the corrections withdrawn (SPEC §5: `cancelled`, `CANCELLED`). */
const SUPERSEDED = "superseded: the order's processing time changed again";

/**
 * Tells customers that a pending order's processing time moved (`kind: "order-update"`,
 * held to their window by the outgoing service) — only while that can still be useful.
 * For each order moved by a re-plan: every correction still queued is cancelled
 * (superseded), and a new one is handed over only if the processing time now in force
 * differs from the one the customer was last told (the reply, or the last correction
 * delivered or on its way). Moved away and back before they were told: nothing goes out.
 * An order confirmed before its correction was handed over gets none (the confirmation
 * says it); one already on its way still goes, held to the customer's window, even when
 * that opens after the processing time (SPEC §4: the customer "gets a correction
 * message … held to their window like any message").
 * The text names the processing time in absolute words in the customer's current zone
 * (it may be read days later). A row is removed only if no re-plan raised its revision while it was being handled; otherwise it is handled again.
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
        await this.#settle(item.order_id, now);
        await this.#complete(item.order_id, item.revision);
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

  async #settle(orderId: string, now: Date): Promise<void> {
    const { db, outgoing, customers } = this.#options;
    const order = await db
      .selectFrom('customer_order')
      .selectAll()
      .where('order_id', '=', orderId)
      .executeTakeFirst();
    if (order === undefined) return;
    if (order.status !== 'pending') return;
    const sent = readCorrections(order.corrections);
    const standing =
      sent.length === 0 ? [] : (await outgoing.cancelOrderUpdates(orderId, SUPERSEDED)).corrections;
    const statuses = new Map(standing.map((c) => [c.messageId, c.status]));
    const states = sent.map((c) => ({
      messageId: c.messageId,
      processingAt: new Date(c.processingAt),
      status: statuses.get(c.messageId),
    }));
    if (!needsCorrection(order.processing_at, announcedAt(order), states)) return;
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
      { processingAt: order.processing_at, placedAt: order.placed_at, timeZone: customer.timeZone },
    );
    const result = await outgoing.handOver({
      kind: 'order-update',
      orderId,
      customerId: order.customer_id,
      text,
      holdToWindow: true,
    });
    if (result.outcome !== 'accepted') return;
    const entry: CorrectionSent = {
      messageId: result.messageId,
      processingAt: order.processing_at.toISOString(),
    };
    await db
      .updateTable('customer_order')
      .set({
        corrections: JSON.stringify([
          ...sent.filter((c) => c.messageId !== entry.messageId),
          entry,
        ]),
        updated_at: now,
      })
      .where('order_id', '=', orderId)
      .execute();
    this.sent++;
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

function readCorrections(column: string | null): CorrectionSent[] {
  return column === null ? [] : (JSON.parse(column) as CorrectionSent[]);
}

/** The processing time the reply announced: the first of the history (none: never moved). */
function announcedAt(order: {
  readonly processing_at: Date;
  readonly processing_at_history: string | null;
}): Date {
  if (order.processing_at_history === null) return order.processing_at;
  const [first] = JSON.parse(order.processing_at_history) as ProcessingAtChange[];
  return first === undefined ? order.processing_at : new Date(first.processingAt);
}
