import type { Clock } from '@screenmagic/service-kit';
import type { CancelOrderUpdatesResult, MessageStatus } from '@screenmagic/service-kit/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { MessageHistory } from '../db/message-history-repository.ts';
import { changeRecorded, endedColumns, setColumns } from '../db/recorded-change.ts';

/**
 * A correction not sent yet: waiting for its window (`scheduled`), for a window to open
 * at all (`unreachable`), or due and not held by a dispatcher (`sending` without a batch).
 */
const CANCELLABLE: readonly MessageStatus[] = Object.freeze([
  'scheduled',
  'sending',
  'unreachable',
]);

/**
 * `POST /internal/orders/{orderId}/cancel-updates`: the incoming service withdraws an
 * order's corrections that can no longer be useful (superseded by a newer time, back to
 * the time the customer was told, or the order processed). Each becomes `cancelled`
 * `CANCELLED` with `detail` in its history; one a dispatcher holds this instant is left
 * alone (it may arrive) and is listed with its status. Idempotent.
 */
export async function cancelOrderUpdates(
  deps: { readonly db: Kysely<Database>; readonly clock: Clock; readonly history: MessageHistory },
  orderId: string,
  detail: string,
): Promise<CancelOrderUpdatesResult> {
  const now = deps.clock.now();
  const cancelled = await changeRecorded(deps.db, deps.history, {
    lock: async (trx) => {
      const rows = await trx
        .selectFrom('message')
        .select('id')
        .where('kind', '=', 'order-update')
        .where('order_id', '=', orderId)
        .where('status', 'in', CANCELLABLE)
        .where('batch_id', 'is', null)
        .forUpdate()
        .execute();
      return rows.map((row) => row.id);
    },
    apply: setColumns(endedColumns({ status: 'cancelled', reason: 'CANCELLED', detail, at: now })),
    copy: { event: 'cancelled' },
  });
  const corrections = await deps.db
    .selectFrom('message')
    .select(['id', 'revision', 'status'])
    .where('kind', '=', 'order-update')
    .where('order_id', '=', orderId)
    .orderBy('revision')
    .execute();
  return {
    cancelled,
    corrections: corrections.map((row) => ({
      messageId: row.id,
      revision: row.revision,
      status: row.status,
    })),
  };
}
