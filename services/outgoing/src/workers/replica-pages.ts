import type { CustomerDirectory } from '@screenmagic/service-kit/contracts';
import type { Kysely } from 'kysely';
import { applyReplicaEntries, saveReplicaCursor } from '../db/customer-replica-repository.ts';
import type { Database } from '../db/database.ts';

/**
 * The two walks that write the customer replica (`CustomerReplica` decides when): the
 * snapshot of every customer into an empty replica, and the change feed after a cursor.
 * Each page is applied with the cursor it reaches in one transaction.
 */
export interface ReplicaPagesOptions {
  readonly db: Kysely<Database>;
  readonly directory: CustomerDirectory;
  readonly pageSize: number;
}

/** Walks every customer into the replica; the cursor (the head read first) is stored with the last page. */
export async function fillReplica({
  db,
  directory,
  pageSize,
}: ReplicaPagesOptions): Promise<{ headSeq: string; entries: number }> {
  let after: string | null = null;
  let headSeq: string | undefined;
  let entries = 0;
  for (;;) {
    const page = await directory.replicaSnapshot(after, pageSize);
    headSeq ??= page.headSeq;
    const last = page.nextAfter === null ? headSeq : undefined;
    await db.transaction().execute(async (trx) => {
      await applyReplicaEntries(trx, page.items);
      if (last !== undefined) await saveReplicaCursor(trx, last);
    });
    entries += page.items.length;
    if (page.nextAfter === null) break;
    after = page.nextAfter;
  }
  return { headSeq: headSeq ?? '0', entries };
}

/**
 * Applies every page of the change feed after `cursor` up to its end; `reached` hears each
 * cursor stored. Returns how many entries were applied.
 */
export async function followFeed(
  { db, directory, pageSize }: ReplicaPagesOptions,
  from: string,
  reached: (cursor: string) => void,
): Promise<number> {
  let cursor = from;
  let applied = 0;
  for (;;) {
    const page = await directory.replicaChanges(cursor, pageSize);
    if (page.items.length > 0 || page.lastSeq !== cursor) {
      const lastSeq = page.lastSeq;
      await db.transaction().execute(async (trx) => {
        await applyReplicaEntries(trx, page.items);
        await saveReplicaCursor(trx, lastSeq);
      });
    }
    applied += page.items.length;
    cursor = page.lastSeq;
    reached(cursor);
    if (!page.more) return applied;
  }
}
