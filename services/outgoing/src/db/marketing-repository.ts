import type { Kysely } from 'kysely';
import type { Database } from './database.ts';
import type { DeliveredMarketing } from '../domain/daily-cap.ts';
import { UNSENT_STATUSES } from '../domain/message-status.ts';
import type { MessageHistory } from './message-history-repository.ts';
import { changeRecorded, endedColumns, setColumns } from './recorded-change.ts';

/**
 * An opt-out (SPEC §6): the customer's queued marketing messages become `suppressed` at
 * once. A message a dispatcher holds right now is left to it: its dispatch-time re-check
 * reads the customer's consent and suppresses it there. Each one's history says
 * `suppressed` (`OPTED_OUT`), in the same transaction. Returns the ids suppressed.
 */
export async function suppressQueuedMarketing(
  db: Kysely<Database>,
  history: MessageHistory,
  customerId: string,
  at: Date,
): Promise<string[]> {
  return changeRecorded(db, history, {
    lock: async (trx) => {
      const rows = await trx
        .selectFrom('message')
        .select('id')
        .where('customer_id', '=', customerId)
        .where('category', '=', 'marketing')
        .where('status', 'in', UNSENT_STATUSES)
        .where('batch_id', 'is', null)
        .forUpdate()
        .execute();
      return rows.map((row) => row.id);
    },
    apply: setColumns(
      endedColumns({ status: 'suppressed', reason: 'OPTED_OUT', detail: null, at }),
    ),
    copy: { event: 'suppressed' },
  });
}

/**
 * How many marketing messages each customer has planned or sent on each of the given
 * customer-local days (what `MARKETING_CAP_PER_DAY` counts: scheduled, sending and
 * delivered ones; suppressed, failed, cancelled, expired and unreachable ones do not
 * count). Keyed `customerId + '\u0000' + localDay`; absent means none.
 */
export async function marketingCountsByDay(
  db: Kysely<Database>,
  customerIds: readonly string[],
  localDays: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (customerIds.length === 0 || localDays.length === 0) return counts;
  const rows = await db
    .selectFrom('message')
    .select(['customer_id', 'local_day'])
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('customer_id', 'in', customerIds)
    .where('local_day', 'in', localDays)
    .where('category', '=', 'marketing')
    .where('status', 'in', ['scheduled', 'sending', 'delivered'])
    .groupBy(['customer_id', 'local_day'])
    .execute();
  for (const row of rows) {
    counts.set(`${row.customer_id}\u0000${row.local_day ?? ''}`, Number(row.count));
  }
  return counts;
}

/**
 * The marketing messages delivered to these customers at or after `since`: what the
 * dispatch-time cap counts (one query a batch, on `(customer_id, local_day)`'s prefix).
 */
export async function deliveredMarketingSince(
  db: Kysely<Database>,
  customerIds: readonly string[],
  since: Date,
): Promise<DeliveredMarketing[]> {
  if (customerIds.length === 0) return [];
  const rows = await db
    .selectFrom('message')
    .select(['customer_id', 'delivered_at'])
    .where('customer_id', 'in', customerIds)
    .where('category', '=', 'marketing')
    .where('status', '=', 'delivered')
    .where('delivered_at', '>=', since)
    .execute();
  return rows.flatMap((row) =>
    row.delivered_at === null ? [] : [{ customerId: row.customer_id, at: row.delivered_at }],
  );
}
