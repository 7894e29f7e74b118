import { localDateOf } from '@screenmagic/hours-window';
import type { Kysely } from 'kysely';
import type { HistoryReason } from '../domain/message-history.ts';
import type { Database } from './database.ts';
import type { MessageHistory } from './message-history-repository.ts';
import { changeRecorded, endedColumns, lockUnclaimed, setColumns } from './recorded-change.ts';

/** A queued message as the re-planner reads it (one page of the walk). */
export interface ReplanRow {
  readonly id: string;
  readonly customer_id: string;
  readonly status: 'scheduled' | 'unreachable';
  readonly scheduled_for: Date | null;
  readonly expires_at: Date | null;
  readonly created_at: Date;
  /** The broadcast's send time (null for order messages). */
  readonly send_at: Date | null;
}

/**
 * One page of queued messages held to a window — `scheduled`, or `unreachable` and not
 * expired — that no dispatcher holds, in id order after `afterId` (a primary-key range:
 * every page costs the same however far the walk is). With `customerIds`, only theirs
 * (the `(customer_id, id)` index). Messages being sent (`sending`) are left to the
 * dispatcher, whose check at the moment of sending uses the current window anyway.
 */
export async function queuedPage(
  db: Kysely<Database>,
  options: {
    readonly afterId: string | null;
    readonly limit: number;
    readonly now: Date;
    readonly customerIds?: readonly string[];
  },
): Promise<ReplanRow[]> {
  let query = db
    .selectFrom('message as m')
    .leftJoin('broadcast as b', 'b.id', 'm.broadcast_id')
    .select([
      'm.id',
      'm.customer_id',
      'm.status',
      'm.scheduled_for',
      'm.expires_at',
      'm.created_at',
      'b.send_at',
    ])
    .where('m.hold_to_window', '=', 1)
    .where('m.batch_id', 'is', null)
    .where((eb) => eb.or([eb('m.broadcast_id', 'is', null), eb('b.cancelled_at', 'is', null)]))
    .where((eb) =>
      eb.or([
        eb('m.status', '=', 'scheduled'),
        eb.and([
          eb('m.status', '=', 'unreachable'),
          eb.or([eb('m.expires_at', 'is', null), eb('m.expires_at', '>', options.now)]),
        ]),
      ]),
    )
    .orderBy('m.id')
    .limit(options.limit);
  if (options.afterId !== null) query = query.where('m.id', '>', options.afterId);
  if (options.customerIds !== undefined)
    query = query.where('m.customer_id', 'in', options.customerIds);
  return (await query.execute()) as ReplanRow[];
}

/**
 * Moves messages to a new time (`scheduled`, due at `dueAt`), only those still queued and
 * not claimed meanwhile — a dispatcher that took one checks its window itself. One
 * statement for every message of a group (they share the new time). Returns how many.
 */
export async function rescheduleQueued(
  db: Kysely<Database>,
  history: MessageHistory,
  ids: readonly string[],
  change: {
    readonly scheduledFor: Date;
    readonly dueAt: Date;
    readonly timeZone: string;
    readonly now: Date;
    readonly reason: HistoryReason;
  },
): Promise<number> {
  const changed = await changeRecorded(db, history, {
    lock: (trx) => lockUnclaimed(trx, ids, ['scheduled', 'unreachable']),
    apply: setColumns({
      status: 'scheduled',
      status_reason: change.reason,
      status_detail: null,
      scheduled_for: change.scheduledFor,
      // The day the cap counts at acceptance moves with the message.
      local_day: localDateOf(change.scheduledFor, change.timeZone),
      due_at: change.dueAt,
      time_zone: change.timeZone,
      finished_at: null,
      updated_at: change.now,
    }),
    // History (SPEC §5): the promise moved because the rules did.
    copy: { event: 'rescheduled' },
  });
  return changed.length;
}

/** Makes queued messages `unreachable` (no window within 28 days). Returns how many. */
export async function markQueuedUnreachable(
  db: Kysely<Database>,
  history: MessageHistory,
  ids: readonly string[],
  now: Date,
  reason: HistoryReason,
): Promise<number> {
  const changed = await changeRecorded(db, history, {
    lock: (trx) => lockUnclaimed(trx, ids, ['scheduled']),
    apply: setColumns({
      ...endedColumns({
        status: 'unreachable',
        reason: 'NO_OVERLAP',
        detail:
          reason === 'CALENDAR_CHANGED'
            ? 'the business calendar changed'
            : "the customer's hours changed",
        at: now,
      }),
      scheduled_for: null,
    }),
    copy: { event: 'unreachable' },
  });
  return changed.length;
}
