import type { Kysely } from 'kysely';
import { customerChangesAfter, lastCustomerChange } from '../db/business-calendar-repository.ts';
import {
  type ReplicaRow,
  replicaRowsByIds,
  replicaRowsPage,
} from '../db/customer-replica-repository.ts';
import type { Database } from '../db/database.ts';

/** A customer for the replica feed: its row, or only its id and last change once deleted. */
export type FeedEntry = ReplicaRow | { readonly id: string; readonly seq: string; deleted: true };

/**
 * The customers changed after `after` (up to `limit` changes), each once, as they are now.
 * A customer with a change in the page but no row was deleted: its entry carries the
 * page's last change of it (ids are never reused, so a deletion is final).
 */
export async function replicaChanges(
  db: Kysely<Database>,
  after: string,
  limit: number,
): Promise<{ items: FeedEntry[]; lastSeq: string; more: boolean }> {
  const changes = await customerChangesAfter(db, after, limit);
  const lastChange = new Map<string, string>();
  for (const change of changes) lastChange.set(change.customerId, change.seq);
  const rows = await replicaRowsByIds(db, [...lastChange.keys()]);
  const found = new Map(rows.map((row) => [row.id, row]));
  const items = [...lastChange].map(
    ([id, seq]): FeedEntry => found.get(id) ?? { id, seq, deleted: true },
  );
  return { items, lastSeq: changes.at(-1)?.seq ?? after, more: changes.length === limit };
}

/**
 * One page of the snapshot walk. The change head is read before the page, so every change
 * after it is still to come when a replica follows the feed from there.
 */
export async function replicaSnapshot(
  db: Kysely<Database>,
  after: string | undefined,
  limit: number,
): Promise<{ items: ReplicaRow[]; nextAfter: string | null; headSeq: string }> {
  const headSeq = await lastCustomerChange(db);
  const rows = await replicaRowsPage(db, after, limit);
  const items = rows.slice(0, limit);
  return { items, nextAfter: rows.length > limit ? (items.at(-1)?.id ?? null) : null, headSeq };
}
