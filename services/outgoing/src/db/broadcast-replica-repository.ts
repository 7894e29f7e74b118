import { type Kysely, sql, type Transaction } from 'kysely';
import type { Category, RecipientPlan } from '../domain/recipient-planner.ts';
import type { Database } from './database.ts';

/**
 * Customers of the replica who share everything a broadcast decision depends on: zone,
 * schedule (hours, holidays, overrides: the normalized JSON) and marketing consent.
 */
export interface ScheduleGroup {
  /** MD5 of zone + schedule text: what the acceptance statement joins each customer on. */
  readonly key: string;
  readonly marketingConsent: boolean;
  /** Live customers in the group when it was read. */
  readonly count: number;
  readonly timeZone: string;
  readonly workingHoursJson: string;
}

/** A group's key, computed the same way in both statements below. */
const GROUP_KEY = sql`MD5(CONCAT(r.time_zone, CHAR(0), r.working_hours))`;

/** Groups per page: what one page of planning holds in memory. */
const GROUP_PAGE = 1_000;

type GroupRow = {
  /** The key and the consent flag, one column: one range to page on. */
  gk: string;
  n: number | string;
  time_zone: string;
  working_hours: string;
};

/**
 * Every distinct schedule among the replica's live customers, page by page: one scan of
 * the replica groups them into a temporary table (`broadcast_group`, on `db`'s connection:
 * pass a transaction or a single connection), then pages of {@link GROUP_PAGE} groups, each
 * with the texts of one member, go to `each` — so 100,000 distinct schedules never sit in
 * memory at once. With `unplanned`, only groups that have no row in `broadcast_plan` yet.
 */
export async function forEachScheduleGroupPage(
  db: Kysely<Database>,
  each: (groups: ScheduleGroup[]) => Promise<void> | void,
  options: { unplanned: boolean } = { unplanned: false },
): Promise<void> {
  await sql`DROP TEMPORARY TABLE IF EXISTS broadcast_group`.execute(db);
  await sql`
    CREATE TEMPORARY TABLE broadcast_group (
      gk CHAR(33) NOT NULL PRIMARY KEY, n INT NOT NULL, id VARCHAR(64) NOT NULL
    )`.execute(db);
  try {
    const unplanned = options.unplanned
      ? sql`WHERE NOT EXISTS (SELECT 1 FROM broadcast_plan p WHERE p.k = g.k AND p.consent = g.consent)`
      : sql``;
    await sql`
      INSERT INTO broadcast_group (gk, n, id)
      SELECT CONCAT(g.k, g.consent), g.n, g.id
      FROM (SELECT ${GROUP_KEY} AS k, r.marketing_consent AS consent, COUNT(*) AS n, MIN(r.id) AS id
            FROM customer_replica r WHERE r.deleted = 0 GROUP BY k, consent) g
      ${unplanned}`.execute(db);
    let after = '';
    for (;;) {
      const { rows } = await sql<GroupRow>`
        SELECT g.gk, g.n, r.time_zone, r.working_hours
        FROM broadcast_group g JOIN customer_replica r ON r.id = g.id
        WHERE g.gk > ${after} ORDER BY g.gk LIMIT ${GROUP_PAGE}`.execute(db);
      if (rows.length > 0) await each(rows.map(scheduleGroup));
      const last = rows.at(-1);
      if (rows.length < GROUP_PAGE || last === undefined) return;
      after = last.gk;
    }
  } finally {
    await sql`DROP TEMPORARY TABLE IF EXISTS broadcast_group`.execute(db);
  }
}

function scheduleGroup(row: GroupRow): ScheduleGroup {
  return {
    key: row.gk.slice(0, 32),
    marketingConsent: row.gk.endsWith('1'),
    count: Number(row.n),
    timeZone: row.time_zone,
    workingHoursJson: row.working_hours,
  };
}

/** What every message of one broadcast shares. */
export interface ReplicaBroadcast {
  readonly broadcastId: string;
  readonly category: Category;
  readonly expiresAt: Date | null;
  readonly now: Date;
  /**
   * The first 20 characters of a fresh message id (`msg_`, the ULID's time and 6 random
   * characters); each message appends its 10-digit position in customer-id order, so ids
   * follow the recipients' order as the row-by-row path's sorted ids do.
   */
  readonly idPrefix: string;
}

/** Plans per statement while filling the plan table. */
const PLAN_CHUNK = 1_000;
/** Group reads before giving up on a replica that keeps gaining schedules mid-statement. */
const ATTEMPTS = 3;

/** A planned group: what the acceptance statement writes for each of its customers. */
export interface GroupPlan {
  readonly group: ScheduleGroup;
  readonly plan: RecipientPlan;
}

/**
 * Stores one message per live customer of the replica, set-based: the schedule groups are
 * read ({@link forEachScheduleGroupPage}) and decided by `planGroups` (the decision the
 * preview shares), the plans go into a temporary table on the transaction's connection,
 * one row per group, and one `INSERT … SELECT` joins every customer to its group's plan.
 * A customer whose group has no plan (the replica gained a schedule after the groups were
 * read) makes that statement fail on `status` NOT NULL — only the statement is rolled
 * back — and the new groups are read, planned and the statement run again: nobody is
 * silently left out. Returns the rows inserted.
 */
export async function insertMessagesFromReplica(
  trx: Transaction<Database>,
  broadcast: ReplicaBroadcast,
  planGroups: (groups: readonly ScheduleGroup[]) => GroupPlan[],
): Promise<number> {
  await sql`DROP TEMPORARY TABLE IF EXISTS broadcast_plan`.execute(trx);
  await sql`
    CREATE TEMPORARY TABLE broadcast_plan (
      k CHAR(32) NOT NULL, consent TINYINT NOT NULL, status VARCHAR(12) NOT NULL,
      reason VARCHAR(32) NOT NULL, detail VARCHAR(500) NULL, scheduled_for DATETIME(3) NULL,
      due_at DATETIME(3) NULL, local_day CHAR(10) NULL, PRIMARY KEY (k, consent)
    )`.execute(trx);
  try {
    for (let attempt = 1; ; attempt++) {
      await forEachScheduleGroupPage(trx, (groups) => insertPlans(trx, planGroups(groups)), {
        unplanned: attempt > 1,
      });
      try {
        return await insertMessages(trx, broadcast);
      } catch (error) {
        if (!isNullInNotNull(error) || attempt >= ATTEMPTS) throw error;
      }
    }
  } finally {
    await sql`DROP TEMPORARY TABLE IF EXISTS broadcast_plan`.execute(trx);
  }
}

async function insertPlans(trx: Transaction<Database>, plans: readonly GroupPlan[]) {
  for (let i = 0; i < plans.length; i += PLAN_CHUNK) {
    const values = plans.slice(i, i + PLAN_CHUNK).map(
      ({ group, plan }) =>
        sql`(${group.key}, ${group.marketingConsent ? 1 : 0}, ${plan.status}, ${plan.reason},
             ${plan.reasonDetail}, ${plan.scheduledFor}, ${plan.dueAt},
             ${plan.status === 'suppressed' ? null : plan.localDay})`,
    );
    await sql`INSERT INTO broadcast_plan VALUES ${sql.join(values)}`.execute(trx);
  }
}

async function insertMessages(
  trx: Transaction<Database>,
  broadcast: ReplicaBroadcast,
): Promise<number> {
  const { broadcastId, category, expiresAt, now, idPrefix } = broadcast;
  const result = await sql`
    INSERT INTO message (id, kind, broadcast_id, customer_id, customer_name, time_zone,
      hold_to_window, category, status, status_reason, status_detail, scheduled_for, due_at,
      expires_at, local_day, attempts, created_at, updated_at)
    SELECT CONCAT(${idPrefix}, LPAD(ROW_NUMBER() OVER (ORDER BY r.id), 10, '0')),
      'broadcast', ${broadcastId}, r.id, r.name, r.time_zone, 1, ${category}, p.status,
      p.reason, p.detail, p.scheduled_for, p.due_at, ${expiresAt}, p.local_day, 0, ${now}, ${now}
    FROM customer_replica r
    LEFT JOIN broadcast_plan p ON p.k = ${GROUP_KEY} AND p.consent = r.marketing_consent
    WHERE r.deleted = 0`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** MySQL/MariaDB errno 1048: NULL into a NOT NULL column (strict mode). */
function isNullInNotNull(error: unknown): boolean {
  return (error as { errno?: unknown } | null)?.errno === 1048;
}

/** A page of the replica's live customers in id order (a preview's recipients). */
export async function replicaCustomersPage(
  db: Kysely<Database>,
  page: { offset: number; limit: number },
): Promise<
  {
    id: string;
    name: string;
    time_zone: string;
    working_hours: string;
    marketing_consent: number;
  }[]
> {
  return db
    .selectFrom('customer_replica')
    .select(['id', 'name', 'time_zone', 'working_hours', 'marketing_consent'])
    .where('deleted', '=', 0)
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}
