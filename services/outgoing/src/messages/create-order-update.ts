import { currentTraceparent, isDuplicateKey, newId } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { insertRecorded } from '../db/message-repository.ts';
import { newMessageRow } from '../db/new-message-row.ts';
import { planFromNow } from './plan-from-now.ts';
import type {
  OrderConfirmationDeps,
  OrderConfirmationResult,
} from './create-order-confirmation.ts';
import { findCustomerOrFail } from './create-order-confirmation.ts';

/** A correction of a pending order's processing time, from the incoming service. */
export interface OrderUpdateInput {
  readonly orderId: string;
  readonly customerId: string;
  readonly text: string;
}

/**
 * `POST /internal/messages` with `kind: "order-update"`: the customer is told that their
 * pending order's processing time moved. One correction at a time per order: while the
 * last one is still unsent (and no dispatcher holds it), a newer correction replaces its
 * text — re-planned twice before the customer is told, they are told once, the latest
 * time. Once the last one went out (or is being sent), a new one is added (`revision`
 * n + 1). Held to the customer's delivery window like any message.
 *
 * @throws AppError 422 UNKNOWN_CUSTOMER; 503 when the customer service is down.
 */
export async function createOrderUpdate(
  deps: OrderConfirmationDeps,
  input: OrderUpdateInput,
  requestId: string,
): Promise<OrderConfirmationResult> {
  const customer = await findCustomerOrFail(deps, input.customerId, requestId);
  for (let attempt = 0; ; attempt++) {
    const now = deps.clock.now();
    const updated = await replaceUnsentText(deps.db, input, now);
    if (updated !== null)
      return { created: false, message: updated.message, revision: updated.revision };
    const plan = planFromNow(deps, customer, now, {
      holdToWindow: true,
      expiresAt: null,
      atOnceDetail: null,
    });
    const id = newId('msg');
    const revision = (await lastRevision(deps.db, input.orderId)) + 1;
    try {
      await insertRecorded(
        deps.db,
        deps.history,
        newMessageRow({
          id,
          kind: 'order-update',
          orderId: input.orderId,
          customer,
          text: input.text,
          plan,
          now,
          revision,
          traceParent: currentTraceparent() ?? null,
        }),
      );
    } catch (error) {
      // A concurrent correction took this revision: read again (at most twice).
      if (isDuplicateKey(error) && attempt < 2) continue;
      throw error;
    }
    if (plan.status === 'sending') deps.onDueNow();
    return {
      created: true,
      message: { id, status: plan.status, scheduled_for: plan.scheduledFor },
      revision,
    };
  }
}

/** Replaces the text of the order's last correction while it is unsent and unclaimed. */
async function replaceUnsentText(db: Kysely<Database>, input: OrderUpdateInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('message')
      .select(['id', 'status', 'scheduled_for', 'batch_id', 'revision'])
      .where('kind', '=', 'order-update')
      .where('order_id', '=', input.orderId)
      .orderBy('revision', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    const unsent = ['scheduled', 'unreachable', 'sending'].includes(last?.status ?? '');
    if (last === undefined || !unsent || last.batch_id !== null) return null;
    await trx
      .updateTable('message')
      .set({ text: input.text, updated_at: now })
      .where('id', '=', last.id)
      .execute();
    return {
      message: { id: last.id, status: last.status, scheduled_for: last.scheduled_for },
      revision: last.revision,
    };
  });
}

async function lastRevision(db: Kysely<Database>, orderId: string): Promise<number> {
  const row = await db
    .selectFrom('message')
    .select((eb) => eb.fn.max('revision').as('revision'))
    .where('kind', '=', 'order-update')
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  return Number(row?.revision ?? 0);
}
