import type { Kysely } from 'kysely';
import type { CustomerRecord } from '@screenmagic/service-kit/contracts';
import type { Database } from '../db/database.ts';
import type { RecipientPlan, RecipientPlanner } from '../domain/recipient-planner.ts';
import { marketingCountsByDay } from '../db/marketing-repository.ts';

/**
 * Decides one page of a broadcast's recipients — the single path both the real broadcast
 * and its preview take, so they agree recipient by recipient. Without a cap it is the
 * planner alone; with `MARKETING_CAP_PER_DAY` on a marketing broadcast, one query counts
 * what the page's customers already have on the local days their messages would land on
 * (read in `db`: the broadcast's own transaction, or the pool for a preview).
 */
export async function planPage(
  db: Kysely<Database>,
  planner: RecipientPlanner,
  customers: readonly CustomerRecord[],
): Promise<RecipientPlan[]> {
  if (!planner.capped) return customers.map((customer) => planner.plan(customer));
  const days = new Set<string>();
  for (const customer of customers) {
    const day = planner.plan(customer).localDay;
    if (day !== null) days.add(day);
  }
  const counts = await marketingCountsByDay(
    db,
    customers.map((c) => c.id),
    [...days],
  );
  return customers.map((customer) =>
    planner.plan(customer, (day) => counts.get(`${customer.id}\u0000${day}`) ?? 0),
  );
}
