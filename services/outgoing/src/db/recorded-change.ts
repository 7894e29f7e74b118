import type {
  Expression,
  ExpressionBuilder,
  Kysely,
  SqlBool,
  Transaction,
  UpdateObject,
} from 'kysely';
import type { MessageStatus } from '@screenmagic/service-kit/contracts';
import type { HistoryReason } from '../domain/message-history.ts';
import type { Database } from './database.ts';
import type { HistoryCopy, MessageHistory } from './message-history-repository.ts';

/*
 * Every status change of a message is written together with the history entry that
 * explains it (SPEC §5): the messages to change are locked first, only those change and
 * only those get an entry — one shape for the dispatcher's outcomes, the re-planner and
 * the message operations.
 */

/** How a change is applied to the locked ids. */
export type ApplyChange = (trx: Transaction<Database>, ids: readonly string[]) => Promise<unknown>;

/**
 * In one READ COMMITTED transaction: locks the messages `lock` picks, applies `apply` to
 * them and records `copy` in their history. Returns the ids changed (none: nothing done).
 */
export async function changeRecorded(
  db: Kysely<Database>,
  history: MessageHistory,
  change: {
    readonly lock: (trx: Transaction<Database>) => Promise<string[]>;
    readonly apply: ApplyChange;
    readonly copy: HistoryCopy;
  },
): Promise<string[]> {
  return db
    .transaction()
    .setIsolationLevel('read committed')
    .execute(async (trx) => {
      const ids = await change.lock(trx);
      if (ids.length === 0) return ids;
      await change.apply(trx, ids);
      await history.record(trx, { ids }, change.copy);
      return ids;
    });
}

/** Applies `set` to the locked ids. */
export function setColumns(set: UpdateObject<Database, 'message'>): ApplyChange {
  return (trx, ids) => trx.updateTable('message').set(set).where('id', 'in', ids).execute();
}

/**
 * The ids among `ids` whose rows match `where` — locked until the transaction ends with
 * `forUpdate` (the rows a change is about to write).
 */
export async function idsAmong(
  trx: Transaction<Database>,
  ids: readonly string[],
  where: (eb: ExpressionBuilder<Database, 'message'>) => Expression<SqlBool>,
  options: { readonly forUpdate: boolean },
): Promise<string[]> {
  if (ids.length === 0) return [];
  const query = trx.selectFrom('message').select('id').where('id', 'in', ids).where(where);
  const rows = await (options.forUpdate ? query.forUpdate() : query).execute();
  return rows.map((row) => row.id);
}

/** The ids among `ids` that no dispatcher holds and are in `statuses`, locked. */
export function lockUnclaimed(
  trx: Transaction<Database>,
  ids: readonly string[],
  statuses: readonly MessageStatus[],
): Promise<string[]> {
  return idsAmong(
    trx,
    ids,
    (eb) => eb.and([eb('batch_id', 'is', null), eb('status', 'in', statuses)]),
    { forUpdate: true },
  );
}

/** `set`, and the claim's attempt given back (a claim counted one; nothing was sent). */
export function givingBackAttempt(
  set: UpdateObject<Database, 'message'>,
): (eb: ExpressionBuilder<Database, 'message'>) => UpdateObject<Database, 'message'> {
  return (eb) => ({ ...set, attempts: eb('attempts', '-', 1) });
}

/**
 * The columns of a message that ends without being delivered (cancelled, suppressed,
 * expired, …): out of the queue, finished at `at`, no longer waiting for anything.
 */
export function endedColumns(end: {
  readonly status: Extract<
    MessageStatus,
    'cancelled' | 'expired' | 'unreachable' | 'suppressed' | 'failed'
  >;
  readonly reason: HistoryReason;
  readonly detail: string | null;
  readonly at: Date;
}) {
  return {
    status: end.status,
    status_reason: end.reason,
    status_detail: end.detail,
    deferred_reason: null,
    due_at: null,
    finished_at: end.at,
    updated_at: end.at,
  } as const;
}
