import { newId } from '@screenmagic/service-kit';
import type { Transaction } from 'kysely';
import { insertMessagesFromReplica } from '../db/broadcast-replica-repository.ts';
import { countMessagesByStatus } from '../db/broadcast-repository.ts';
import type { Database } from '../db/database.ts';
import type { RecipientPlanner } from '../domain/recipient-planner.ts';
import { planGroups } from './plan-groups.ts';
import type { StoreContext, Summary } from './store-recipients.ts';

/**
 * Stores a broadcast to everyone from the customer replica, set-based: each schedule group
 * decided once ({@link planGroups}), every message written by one `INSERT … SELECT`, no row
 * passing through Node (docs/decisions.md, "A broadcast to everyone from the replica").
 * The caller has brought the replica up to the feed's head first. The summary is counted
 * from the rows written, so it is exact even if the replica moved while they were.
 */
export async function storeFromReplica(
  trx: Transaction<Database>,
  context: StoreContext,
): Promise<Summary> {
  const planner: RecipientPlanner = context.planner;
  const recipientCount = await insertMessagesFromReplica(
    trx,
    {
      broadcastId: context.broadcastId,
      category: context.category,
      expiresAt: context.expiresAt,
      now: context.now,
      idPrefix: newId('msg').slice(0, 20),
    },
    (groups) => planGroups(planner, groups),
  );
  const counts = await countMessagesByStatus(trx, context.broadcastId);
  return {
    recipientCount,
    sendingNow: counts.sending,
    scheduled: counts.scheduled,
    unreachable: counts.unreachable,
    suppressed: counts.suppressed,
  };
}
