import { type Kysely, sql } from 'kysely';

/**
 * How far a service has applied the time rules it follows: the business calendar version
 * its queued work was last re-planned for, and the last customer change it re-planned.
 * Kept in the service's own database, so a crash half-way through a re-plan, or a change
 * made while the service was down, is re-planned after the restart.
 */
export interface SyncState {
  readonly calendarVersion: number | null;
  readonly customerChangeSeq: string;
}

export interface SyncStateStore {
  read(): Promise<SyncState>;
  saveCalendarVersion(version: number): Promise<void>;
  saveCustomerChangeSeq(seq: string): Promise<void>;
}

/** The table a service's migration creates for {@link syncStateStore}. */
export const SYNC_STATE_TABLE = 'time_rules_state';

/** Creates {@link SYNC_STATE_TABLE} (call it from one of the service's migrations). */
export async function createSyncStateTable(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable(SYNC_STATE_TABLE)
    .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'varchar(64)', (c) => c.notNull())
    .execute();
}

/** The store over {@link SYNC_STATE_TABLE}: two named rows, upserted. */
export function syncStateStore<DB>(db: Kysely<DB>): SyncStateStore {
  const table = sql.table(SYNC_STATE_TABLE);
  const save = async (name: string, value: string) => {
    await sql`INSERT INTO ${table} (name, value) VALUES (${name}, ${value})
      ON DUPLICATE KEY UPDATE value = VALUES(value)`.execute(db);
  };
  return {
    async read() {
      const { rows } = await sql<{
        name: string;
        value: string;
      }>`SELECT name, value FROM ${table}`.execute(db);
      const byName = new Map(rows.map((row) => [row.name, row.value]));
      const version = byName.get('calendar_version');
      return {
        calendarVersion: version === undefined ? null : Number(version),
        customerChangeSeq: byName.get('customer_change_seq') ?? '0',
      };
    },
    saveCalendarVersion: (version) => save('calendar_version', String(version)),
    saveCustomerChangeSeq: (seq) => save('customer_change_seq', seq),
  };
}
