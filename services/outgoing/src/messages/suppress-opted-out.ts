import type { Clock } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { CustomerDirectory } from '@screenmagic/service-kit/contracts';
import { suppressQueuedMarketing } from '../db/marketing-repository.ts';
import type { Database } from '../db/database.ts';
import type { MessageHistory } from '../db/message-history-repository.ts';

/**
 * After customers changed (the customer service's change feed, which a consent change
 * feeds too): the queued marketing messages of those who no longer consent become
 * `suppressed` at once, as an inbound STOP does (SPEC §6). Returns how many.
 */
export async function suppressOptedOut(
  deps: {
    db: Kysely<Database>;
    clock: Clock;
    directory: CustomerDirectory;
    history: MessageHistory;
  },
  customerIds: readonly string[],
): Promise<number> {
  const customers = await deps.directory.byIds(customerIds);
  let suppressed = 0;
  for (const customer of customers.values()) {
    if (customer.consent?.marketing !== false) continue;
    suppressed += (
      await suppressQueuedMarketing(deps.db, deps.history, customer.id, deps.clock.now())
    ).length;
  }
  return suppressed;
}
