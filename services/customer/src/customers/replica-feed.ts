import type { Kysely } from 'kysely';
import { customerChangesAfter, lastCustomerChange } from '../db/business-calendar-repository.ts';
import {
  deletedReplicaIds,
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
 * One page of the snapshot walk: every customer by id, the deleted ones as tombstones
 * (`customer: null`, their last change). The change head is read before the page, so
 * every change after it is still to come when a replica follows the feed from there.
 *
 * The tombstones make a filled replica what following the feed from its start would have
 * made it: without them a customer deleted before the fill would be unknown to the
 * replica for good, and a message queued to it deferred for good, as "not in the replica
 * yet" (docs/decisions.md, "A snapshot without its deletions").
 */
export async function replicaSnapshot(
  db: Kysely<Database>,
  after: string | undefined,
  limit: number,
): Promise<{ items: FeedEntry[]; nextAfter: string | null; headSeq: string }> {
  const headSeq = await lastCustomerChange(db);
  const rows = await replicaRowsPage(db, after, limit);
  const live = rows.slice(0, limit);
  const moreLive = rows.length > limit;
  // The tombstones among the ids this page of live customers spans (on the last page, all
  // that follow), merged in by id: ids are ASCII, ordered as the customer table's binary
  // collation orders them.
  const upTo = moreLive ? live.at(-1)?.id : undefined;
  const deleted = await deletedReplicaIds(db, after, upTo, limit);
  const merged: FeedEntry[] = [
    ...live,
    ...deleted.map(({ id, seq }) => ({ id, seq, deleted: true as const })),
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const items = merged.slice(0, limit);
  const more = moreLive || merged.length > limit;
  return { items, nextAfter: more ? (items.at(-1)?.id ?? null) : null, headSeq };
}
