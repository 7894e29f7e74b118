import { decodeCursor, encodeCursor, validationFailed } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { CustomerDirectory } from '@screenmagic/service-kit/contracts';
import type { Database } from '../db/database.ts';
import { PreviewTally } from '../domain/preview-tally.ts';
import { suppressReason } from '../domain/recipient-planner.ts';
import type { BroadcastPreview, NewBroadcast, PreviewRecipient } from '../schemas/broadcast.ts';
import { planPage } from './plan-recipients.ts';
import {
  type PrepareDeps,
  prepareBroadcast,
  recipientSource,
  unknownCustomers,
} from './prepare-broadcast.ts';

export interface PreviewDeps extends PrepareDeps {
  readonly db: Kysely<Database>;
  readonly directory: CustomerDirectory;
  /** Recipients per page (RECIPIENTS_PAGE_SIZE). */
  readonly pageSize: number;
  /** DISPATCH_RATE_PER_SECOND; undefined: no cap. */
  readonly ratePerSecond: number | undefined;
}

/**
 * `POST /v1/broadcasts/preview` (SPEC §5): what the broadcast would do, stored nowhere.
 * The same checks ({@link prepareBroadcast}: 400, 409 BUSINESS_CLOSED), the same
 * recipients (422 UNKNOWN_CUSTOMER) and the same per-recipient decision ({@link planPage})
 * as the real broadcast, so the two agree recipient by recipient. Every recipient streams
 * through the tally (summary, sends per hour, completion at the dispatch rate); only the
 * requested page of them is kept. `cursor` is the position in the recipient order (by
 * customer id for everyone, the request's order for a list).
 */
export async function previewBroadcast(
  deps: PreviewDeps,
  body: NewBroadcast,
  page: { cursor?: string | undefined; limit?: number | undefined },
  requestId: string,
): Promise<BroadcastPreview> {
  const prepared = prepareBroadcast(deps, body);
  const start = page.cursor === undefined ? 0 : cursorPosition(page.cursor);
  const limit = page.limit ?? deps.pageSize;
  const tally = new PreviewTally();
  const missing: string[] = [];
  const recipients: PreviewRecipient[] = [];
  let position = 0;
  const source = recipientSource(deps.directory, body, prepared.audience, missing, requestId);
  for await (const customers of source) {
    const plans = await planPage(deps.db, prepared.planner, customers);
    for (let i = 0; i < customers.length; i++, position++) {
      const plan = plans[i];
      const customer = customers[i];
      if (plan === undefined || customer === undefined) continue;
      tally.add(plan);
      if (position >= start && position < start + limit) {
        recipients.push({
          customerId: customer.id,
          name: customer.name,
          messageId: null,
          status: plan.status,
          reason: suppressReason(plan),
          scheduledFor: plan.scheduledFor?.toISOString() ?? null,
          scheduledForLocal: plan.scheduledForLocal,
        });
      }
    }
  }
  if (missing.length > 0) throw unknownCustomers(prepared.audience, missing);
  const spread = tally.spread(deps.ratePerSecond);
  return {
    sendAt: prepared.at.toISOString(),
    recipientCount: position,
    summary: tally.summary,
    byHour: spread.byHour.map((h) => ({ hour: h.hour.toISOString(), count: h.count })),
    lastScheduledFor: spread.lastScheduledFor?.toISOString() ?? null,
    estimatedCompletion: spread.estimatedCompletion?.toISOString() ?? null,
    recipients,
    nextCursor: start + limit < position ? encodeCursor({ n: start + limit }) : null,
  };
}

function cursorPosition(cursor: string): number {
  const { n } = decodeCursor(cursor, ['n']);
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw validationFailed('Invalid cursor', [
      { field: 'cursor', message: 'is not a cursor this API issued' },
    ]);
  }
  return n;
}
