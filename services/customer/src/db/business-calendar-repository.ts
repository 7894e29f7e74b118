import { isDuplicateKey } from '@screenmagic/service-kit';
import type { Kysely, Transaction } from 'kysely';
import type { PublishedHead } from '../domain/head-moved.ts';
import type { Database } from './database.ts';

/** A stored version of the business calendar (the schedule as normalized JSON text). */
export interface StoredCalendar {
  readonly version: number;
  readonly calendarJson: string;
  readonly updatedAt: Date;
}

/** The calendar in force (the highest version), or undefined before the first is stored. */
export async function latestCalendar(db: Kysely<Database>): Promise<StoredCalendar | undefined> {
  const row = await db
    .selectFrom('business_calendar')
    .select(['version', 'calendar', 'updated_at'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : { version: Number(row.version), calendarJson: row.calendar, updatedAt: row.updated_at };
}

/**
 * Stores `calendar` as version `version`. The version is the primary key: when another
 * writer stored that version first (both read the one before), this one loses and gets
 * false — the check-and-write is one atomic INSERT, not a read followed by a write.
 */
export async function insertCalendarVersion(
  db: Kysely<Database>,
  calendar: StoredCalendar,
): Promise<boolean> {
  try {
    await db
      .insertInto('business_calendar')
      .values({
        version: calendar.version,
        calendar: calendar.calendarJson,
        updated_at: calendar.updatedAt,
      })
      .execute();
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * Appends a customer to the change sequence (a field other services read, or its
 * existence, changed), in the caller's transaction, so the change and its record commit
 * together. It first locks the writer row until that commit: sequence numbers are then
 * visible in order, with no later one committed before an earlier one (migration 0200),
 * so a reader's cursor never skips a change. Call it last in the transaction: the lock
 * serializes customer writes from here to the commit.
 */
export async function recordCustomerChange(
  trx: Transaction<Database>,
  customerId: string,
  at: Date,
  /** False for a change queued work does not depend on (a creation, a phone or a name). */
  replan = true,
): Promise<void> {
  await trx
    .selectFrom('customer_change_writer')
    .select('id')
    .where('id', '=', 1)
    .forUpdate()
    .execute();
  await trx
    .insertInto('customer_change')
    .values({ customer_id: customerId, changed_at: at, replan })
    .execute();
}

/** One customer change, as the other services read the sequence. */
export interface CustomerChange {
  readonly seq: string;
  readonly customerId: string;
  /** Whether the re-plan follows it (see migration 0200). */
  readonly replan: boolean;
}

/** Changes after `after` in sequence order, at most `limit`. */
export async function customerChangesAfter(
  db: Kysely<Database>,
  after: string,
  limit: number,
): Promise<CustomerChange[]> {
  const rows = await db
    .selectFrom('customer_change')
    .select(['seq', 'customer_id', 'replan'])
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    seq: String(row.seq),
    customerId: row.customer_id,
    replan: Boolean(row.replan),
  }));
}

/** The last sequence number handed out ('0' before the first change). */
export async function lastCustomerChange(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('customer_change')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return row?.seq === null || row?.seq === undefined ? '0' : String(row.seq);
}

/** Both in one statement (two index ends): what a held calendar request checks each second. */
export async function publishedHead(db: Kysely<Database>): Promise<PublishedHead> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('business_calendar')
        .select((inner) => inner.fn.max('version').as('version'))
        .as('version'),
      eb
        .selectFrom('customer_change')
        .select((inner) => inner.fn.max('seq').as('seq'))
        .as('seq'),
    ])
    .executeTakeFirstOrThrow();
  return {
    version: row.version === null ? 0 : Number(row.version),
    customerChangeSeq: row.seq === null ? '0' : String(row.seq),
  };
}
