import { DailyCapTally } from '../domain/daily-cap.ts';
import { deliveredMarketingSince } from '../db/marketing-repository.ts';
import { releaseMessages } from '../db/message-queue.ts';
import type { BatchContext } from './batch-context.ts';
import type { Candidate } from './dispatch-candidates.ts';

/**
 * How far back a batch reads its customers' marketing deliveries: a local day lasts at
 * most 25 hours, so the current local day of any zone began within the last 25 hours; two
 * days leave room for a test clock or a dispatcher running behind.
 */
const LOOKBACK_MS = 48 * 60 * 60 * 1_000;

/**
 * The batch's tally for `MARKETING_CAP_PER_DAY` at dispatch: undefined without a cap or
 * without a marketing message in the batch (then nothing is read — the hot path costs
 * nothing); else one query, the marketing messages delivered lately to the batch's
 * marketing recipients, counted by each one's current local day. When that read fails the
 * batch is given back untouched, like a failed look-up of its customers: nothing is sent
 * without knowing the day's count.
 */
export async function readDailyCap(
  context: BatchContext,
  batch: string,
  candidates: readonly Candidate[],
  now: Date,
): Promise<DailyCapTally | undefined> {
  const cap = context.marketingCapPerDay;
  if (cap === undefined) return undefined;
  const zones = new Map<string, string>();
  for (const { message, customer } of candidates) {
    if (message.category === 'marketing' && customer !== undefined) {
      zones.set(message.customer_id, customer.timeZone);
    }
  }
  if (zones.size === 0) return undefined;
  try {
    const delivered = await deliveredMarketingSince(
      context.db,
      [...zones.keys()],
      new Date(now.getTime() - LOOKBACK_MS),
    );
    return new DailyCapTally(cap, delivered, (id) => zones.get(id));
  } catch (error) {
    const ids = candidates.map((c) => c.message.id);
    await releaseMessages(context.db, batch, ids).catch(() => 0);
    throw error;
  }
}
