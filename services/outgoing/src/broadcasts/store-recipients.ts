import { newIds } from '@screenmagic/service-kit';
import type { Transaction } from 'kysely';
import type { CustomerRecord } from '@screenmagic/service-kit/contracts';
import type { Database } from '../db/database.ts';
import type { NewMessageRow } from '../db/message.table.ts';
import { newMessageRow } from '../db/new-message-row.ts';
import {
  executeMessageInsert,
  INSERT_CHUNK,
  messageInsertStatement,
} from '../db/message-repository.ts';
import { type BroadcastSummary, countStatus, emptySummary } from '../domain/preview-tally.ts';
import type { Category, RecipientPlan, RecipientPlanner } from '../domain/recipient-planner.ts';
import { planPage } from './plan-recipients.ts';

/** A broadcast's summary with its recipient count. */
export interface Summary extends BroadcastSummary {
  recipientCount: number;
}

export interface StoreContext {
  broadcastId: string;
  planner: RecipientPlanner;
  category: Category;
  expiresAt: Date | null;
  now: Date;
}

/**
 * Decides and inserts each page of recipients as it arrives, {@link INSERT_CHUNK} rows a
 * statement. The transaction has one connection, so statements run one after another;
 * the next one is decided and built while the database runs the previous one.
 */
export async function storeRecipients(
  trx: Transaction<Database>,
  source: AsyncIterable<readonly CustomerRecord[]>,
  context: StoreContext,
): Promise<Summary> {
  const summary: Summary = { recipientCount: 0, ...emptySummary() };
  let running: Promise<void> = Promise.resolve();
  for await (const page of source) {
    for (let offset = 0; offset < page.length; offset += INSERT_CHUNK) {
      const chunk = page.slice(offset, offset + INSERT_CHUNK);
      // The cap's count reads committed rows: the previous chunk's insert must be done.
      if (context.planner.capped) await running;
      const plans = await planPage(trx, context.planner, chunk);
      const statement = messageInsertStatement(recipientRows(chunk, plans, context, summary));
      await running;
      running = executeMessageInsert(trx, statement);
      // Awaited on the next turn; until then a failure must not count as unhandled.
      running.catch(() => undefined);
    }
  }
  await running;
  return summary;
}

function recipientRows(
  customers: readonly CustomerRecord[],
  plans: readonly RecipientPlan[],
  context: StoreContext,
  summary: Summary,
): NewMessageRow[] {
  // Sorted ids: rows go in in primary-key order, and recipient pages follow it.
  const ids = newIds('msg', customers.length).sort();
  summary.recipientCount += customers.length;
  return customers.map((customer, i): NewMessageRow => {
    const plan = plans[i] as RecipientPlan;
    countStatus(summary, plan.status);
    return newMessageRow({
      id: ids[i] as string,
      kind: 'broadcast',
      broadcastId: context.broadcastId,
      customer,
      plan,
      expiresAt: context.expiresAt,
      now: context.now,
      category: context.category,
      localDay: plan.status === 'suppressed' ? null : plan.localDay,
    });
  });
}
