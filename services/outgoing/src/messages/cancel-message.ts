import { type Clock, conflict, notFound } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { MessageHistory } from '../db/message-history-repository.ts';
import { findMessage } from '../db/message-repository.ts';
import { changeRecorded, endedColumns, lockUnclaimed, setColumns } from '../db/recorded-change.ts';
import { UNSENT_STATUSES } from '../domain/message-status.ts';

/**
 * `DELETE /v1/messages/{id}` (SPEC §7): cancels one message not yet sent (`scheduled`, or
 * `sending` and waiting for its time or a retry); the history says `cancelled`
 * `CANCELLED`, "cancelled on request".
 *
 * @throws AppError 404; 409 MESSAGE_ALREADY_FINAL (delivered, failed, expired, …),
 *   409 MESSAGE_IN_FLIGHT (a dispatcher is delivering it this instant: it may arrive).
 */
export async function cancelMessage(
  deps: { readonly db: Kysely<Database>; readonly clock: Clock; readonly history: MessageHistory },
  id: string,
): Promise<void> {
  const now = deps.clock.now();
  const cancelled = await changeRecorded(deps.db, deps.history, {
    lock: (trx) => lockUnclaimed(trx, [id], UNSENT_STATUSES),
    apply: setColumns(
      endedColumns({
        status: 'cancelled',
        reason: 'CANCELLED',
        detail: 'cancelled on request',
        at: now,
      }),
    ),
    copy: { event: 'cancelled' },
  });
  if (cancelled.length > 0) return;
  const row = await findMessage(deps.db, id);
  if (row === undefined) throw notFound('Message', id);
  if (UNSENT_STATUSES.includes(row.status)) {
    throw conflict(
      'MESSAGE_IN_FLIGHT',
      `Message ${id} is being delivered right now and can no longer be cancelled`,
    );
  }
  throw conflict('MESSAGE_ALREADY_FINAL', `Message ${id} is already ${row.status}`);
}
