import { newIds } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import { migrations } from '../../src/db/migrations/index.ts';
import type { MessageStatus } from '@screenmagic/service-kit/contracts';

/**
 * The queue probes' database: migrates an empty one, then stores `count` broadcast
 * messages all due at `now`, in `status` (`sending`: accepted inside the window), 1,000
 * a statement.
 */
export async function seedDueMessages(
  db: Kysely<Database>,
  options: { count: number; now: Date; status: Extract<MessageStatus, 'sending' | 'scheduled'> },
): Promise<void> {
  const { count, now, status } = options;
  for (const migration of Object.values(migrations)) await migration.up(db as Kysely<unknown>);
  const ids = newIds('msg', count);
  for (let i = 0; i < count; i += 1_000) {
    await db
      .insertInto('message')
      .values(
        ids.slice(i, i + 1_000).map((id, k) => ({
          id,
          kind: 'broadcast' as const,
          broadcast_id: 'brd_probe',
          customer_id: `cus_${String(i + k).padStart(20, '0')}`,
          customer_name: `Customer ${i + k}`,
          time_zone: 'Europe/London',
          hold_to_window: 1,
          status,
          scheduled_for: now,
          due_at: now,
          attempts: 0,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
}
