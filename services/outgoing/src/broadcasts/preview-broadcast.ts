import { listCursor } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { CustomerDirectory } from '@screenmagic/service-kit/contracts';
import type { Database } from '../db/database.ts';
import {
  forEachScheduleGroupPage,
  replicaCustomersPage,
} from '../db/broadcast-replica-repository.ts';
import { PreviewTally } from '../domain/preview-tally.ts';
import { type RecipientPlan, suppressReason } from '../domain/recipient-planner.ts';
import type { BroadcastPreview, NewBroadcast, PreviewRecipient } from '../schemas/broadcast.ts';
import { planGroups, replicaCustomer } from './plan-groups.ts';
import { planPage } from './plan-recipients.ts';
import {
  type PreparedBroadcast,
  type PrepareDeps,
  prepareBroadcast,
  readsReplica,
  recipientSource,
  type ReplicaCatchUp,
  unknownCustomers,
} from './prepare-broadcast.ts';

export interface PreviewDeps extends PrepareDeps {
  readonly db: Kysely<Database>;
  readonly directory: CustomerDirectory;
  /** A preview to everyone reads the replica, caught up with the feed first (as the broadcast). */
  readonly replica: ReplicaCatchUp;
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
 * customer id for everyone, the request's order for a list). A preview to everyone reads
 * the replica as the broadcast does ({@link readsReplica}): each schedule group decided
 * once ({@link planGroups}) and counted for all its members, only the requested page of
 * customers read.
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
  if (readsReplica(prepared)) {
    await deps.replica.sync();
    return previewFromReplica(deps, prepared, tally, { start, limit });
  }
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
        recipients.push(previewRecipient(customer, plan));
      }
    }
  }
  if (missing.length > 0) throw unknownCustomers(prepared.audience, missing);
  return answer(deps, prepared, tally, { recipients, count: position, start, limit });
}

async function previewFromReplica(
  deps: PreviewDeps,
  prepared: PreparedBroadcast,
  tally: PreviewTally,
  page: { start: number; limit: number },
): Promise<BroadcastPreview> {
  let count = 0;
  // The groups' temporary table lives on one connection.
  await deps.db.connection().execute((connection) =>
    forEachScheduleGroupPage(connection, (groups) => {
      for (const { group, plan } of planGroups(prepared.planner, groups)) {
        tally.add(plan, group.count);
        count += group.count;
      }
    }),
  );
  const rows = await replicaCustomersPage(deps.db, { offset: page.start, limit: page.limit });
  const recipients = rows.map((row) =>
    previewRecipient(
      row,
      prepared.planner.plan(
        replicaCustomer({
          timeZone: row.time_zone,
          workingHoursJson: row.working_hours,
          marketingConsent: Boolean(row.marketing_consent),
        }),
      ),
    ),
  );
  return answer(deps, prepared, tally, { recipients, count, ...page });
}

function previewRecipient(
  customer: { id: string; name: string },
  plan: RecipientPlan,
): PreviewRecipient {
  return {
    customerId: customer.id,
    name: customer.name,
    messageId: null,
    status: plan.status,
    reason: suppressReason(plan),
    scheduledFor: plan.scheduledFor?.toISOString() ?? null,
    scheduledForLocal: plan.scheduledForLocal,
  };
}

function answer(
  deps: PreviewDeps,
  prepared: PreparedBroadcast,
  tally: PreviewTally,
  page: { recipients: PreviewRecipient[]; count: number; start: number; limit: number },
): BroadcastPreview {
  const spread = tally.spread(deps.ratePerSecond);
  const { start, limit, count } = page;
  return {
    sendAt: prepared.at.toISOString(),
    recipientCount: count,
    summary: tally.summary,
    byHour: spread.byHour.map((h) => ({ hour: h.hour.toISOString(), count: h.count })),
    lastScheduledFor: spread.lastScheduledFor?.toISOString() ?? null,
    estimatedCompletion: spread.estimatedCompletion?.toISOString() ?? null,
    recipients: page.recipients,
    nextCursor: start + limit < count ? PREVIEW_CURSOR.encode({ n: start + limit }) : null,
  };
}

/** The preview's recipients page by their position in the plan (nothing is stored to key on). */
const PREVIEW_CURSOR = listCursor('broadcastPreview', { n: 'offset' });

function cursorPosition(cursor: string): number {
  return PREVIEW_CURSOR.decode(cursor).n;
}
