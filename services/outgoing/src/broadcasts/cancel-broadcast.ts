import { type Clock, notFound } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import {
  countMessagesByStatus,
  findBroadcast,
  markBroadcastCancelled,
} from '../db/broadcast-repository.ts';
import { cancelUnsentMessages } from '../db/message-repository.ts';
import type { MessageHistory } from '../db/message-history-repository.ts';
import type { BroadcastView } from '../schemas/broadcast.ts';
import { broadcastView } from '../views/broadcast-view.ts';

/**
 * `DELETE /v1/broadcasts/{id}`: cancels every message not yet sent. The broadcast is
 * marked cancelled first, so a message a dispatcher holds right now (mid-delivery) and
 * that fails is cancelled instead of retried; one whose delivery succeeds stays
 * delivered. Repeating the call is harmless (it cancels nothing more).
 */
export async function cancelBroadcast(
  deps: { db: Kysely<Database>; clock: Clock; history: MessageHistory },
  id: string,
): Promise<BroadcastView & { cancelledNow: number }> {
  const now = deps.clock.now();
  const cancelledNow = await deps.db
    .transaction()
    .setIsolationLevel('read committed')
    .execute(async (trx) => {
      if ((await findBroadcast(trx, id)) === undefined) throw notFound('Broadcast', id);
      await markBroadcastCancelled(trx, id, now);
      const cancelled = await cancelUnsentMessages(trx, id, now);
      if (cancelled > 0) {
        await deps.history.record(
          trx,
          { broadcastId: id, newlyIn: 'cancelled', event: 'cancelled' },
          { event: 'cancelled' },
        );
      }
      return cancelled;
    });
  const row = await findBroadcast(deps.db, id);
  if (row === undefined) throw notFound('Broadcast', id);
  return { ...broadcastView(row, await countMessagesByStatus(deps.db, id)), cancelledNow };
}
