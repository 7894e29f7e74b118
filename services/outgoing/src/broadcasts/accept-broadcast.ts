import { currentTraceparent, conflict, newId, isDuplicateKey } from '@screenmagic/service-kit';
import type { Kysely, Transaction } from 'kysely';
import type { CustomerDirectory } from '@screenmagic/service-kit/contracts';
import type { Database } from '../db/database.ts';
import { requestHash } from '../domain/request-hash.ts';
import { RECIPIENTS_CURSOR } from './recipients-cursor.ts';
import { insertBroadcast, updateBroadcastSummary } from '../db/broadcast-repository.ts';
import type { MessageHistory } from '../db/message-history-repository.ts';
import {
  claimIdempotencyKey,
  findIdempotencyKey,
  storeIdempotentAnswer,
} from '../db/idempotency-repository.ts';
import { listBroadcastMessages } from '../db/message-repository.ts';

import type { BroadcastAccepted, NewBroadcast } from '../schemas/broadcast.ts';
import { recipientView } from '../views/message-view.ts';
import {
  type PrepareDeps,
  type PreparedBroadcast,
  prepareBroadcast,
  readsReplica,
  recipientSource,
  type ReplicaCatchUp,
  unknownCustomers,
} from './prepare-broadcast.ts';
import { storeFromReplica } from './store-from-replica.ts';
import { storeRecipients, type Summary } from './store-recipients.ts';

export interface AcceptBroadcastDeps extends PrepareDeps {
  readonly db: Kysely<Database>;
  readonly directory: CustomerDirectory;
  /** A broadcast to everyone reads the replica, caught up with the feed first. */
  readonly replica: ReplicaCatchUp;
  /** Where each message's first history entry goes (SPEC §5). */
  readonly history: MessageHistory;
  /** Recipients in the 202's first page. */
  readonly pageSize: number;
  /** Called after commit when some messages are due now (wakes the dispatcher). */
  readonly onDueNow: () => void;
}

export interface AcceptBroadcastRequest {
  readonly body: NewBroadcast;
  readonly idempotencyKey: string | undefined;
  readonly requestId: string;
}

/** The answer to give: a fresh 202 or the stored first answer for the same key. */
export interface BroadcastAnswer {
  readonly body: BroadcastAccepted;
  readonly replayed: boolean;
}

/**
 * Accepts a broadcast (SPEC §3 "Broadcasts"): checks the business day, resolves the
 * recipients, decides each one's delivery, and stores the broadcast and all its messages
 * in ONE transaction, so a 202 means every message is stored and a failure means none is.
 * Named or listed recipients (and everyone under the per-day cap) come through the
 * customer service in pages and are written with multi-row inserts, one page (plus the
 * next, prefetched) in memory at a time. A broadcast to everyone otherwise reads the
 * customer replica, after catching it up with the change feed's head (a customer created
 * just before is included; a feed that does not answer is 503), and is written set-based
 * ({@link storeFromReplica}).
 *
 * With an `Idempotency-Key`, the key's row is inserted first in that transaction: a
 * concurrent twin waits on it and then answers with the stored 202; the same key with
 * another body is 409 IDEMPOTENCY_KEY_REUSED. Only accepted broadcasts are remembered:
 * a request that failed (409 BUSINESS_CLOSED, 422, 503) stored nothing and may be retried
 * with the same key.
 *
 * @throws AppError 400 (expiresAt not after the send instant; both recipient lists),
 *   409 BUSINESS_CLOSED / IDEMPOTENCY_KEY_REUSED, 422 UNKNOWN_CUSTOMER, 503.
 */
export async function acceptBroadcast(
  deps: AcceptBroadcastDeps,
  request: AcceptBroadcastRequest,
): Promise<BroadcastAnswer> {
  const { body, idempotencyKey } = request;
  const hash = idempotencyKey === undefined ? '' : requestHash(body);
  if (idempotencyKey !== undefined) {
    const stored = await replayIfStored(deps.db, idempotencyKey, hash);
    if (stored) return stored;
  }

  const prepared = prepareBroadcast(deps, body);
  const { now, at, expiresAt, audience, planner } = prepared;
  const fromReplica = readsReplica(prepared);
  if (fromReplica) await deps.replica.sync();
  const traceParent = currentTraceparent() ?? null;
  const broadcastId = newId('brd');

  let answer: BroadcastAccepted;
  try {
    answer = await deps.db
      .transaction()
      .setIsolationLevel('read committed')
      .execute(async (trx) => {
        if (idempotencyKey !== undefined) {
          await claimIdempotencyKey(trx, {
            key: idempotencyKey,
            requestHash: hash,
            broadcastId,
            at: now,
          });
        }
        await insertBroadcast(trx, {
          id: broadcastId,
          message: body.message,
          audience,
          send_at: at,
          requested_send_at: prepared.requestedSendAt,
          send_at_local:
            prepared.sendAtLocal === null ? null : JSON.stringify(prepared.sendAtLocal),
          category: prepared.category,
          on_closed_day: prepared.onClosedDay,
          expires_at: expiresAt,
          recipient_count: 0,
          sending_now: 0,
          scheduled: 0,
          unreachable: 0,
          suppressed: 0,
          created_at: now,
          cancelled_at: null,
          trace_parent: traceParent,
        });
        const missing: string[] = [];
        const store = { broadcastId, planner, category: prepared.category, expiresAt, now };
        const summary = fromReplica
          ? await storeFromReplica(trx, store)
          : await storeRecipients(
              trx,
              recipientSource(deps.directory, body, audience, missing, request.requestId),
              store,
            );
        if (missing.length > 0) throw unknownCustomers(audience, missing);
        // Every message's first entry, copied from the rows just written: one statement.
        await deps.history.record(trx, { broadcastId }, { event: 'from-status' });
        await updateBroadcastSummary(trx, broadcastId, summary);
        const accepted = await firstAnswer(trx, {
          broadcastId,
          at,
          prepared,
          expiresAt,
          summary,
          pageSize: deps.pageSize,
        });
        if (idempotencyKey !== undefined)
          await storeIdempotentAnswer(trx, idempotencyKey, 202, accepted);
        return accepted;
      });
  } catch (error) {
    // A twin with the same key committed first (we waited on its row): answer as it did.
    if (idempotencyKey !== undefined && isDuplicateKey(error)) {
      const stored = await replayIfStored(deps.db, idempotencyKey, hash);
      if (stored) return stored;
    }
    throw error;
  }
  if (answer.summary.sendingNow > 0) deps.onDueNow();
  return { body: answer, replayed: false };
}

async function replayIfStored(
  db: Kysely<Database>,
  key: string,
  hash: string,
): Promise<BroadcastAnswer | undefined> {
  const stored = await findIdempotencyKey(db, key);
  if (stored === undefined) return undefined;
  if (stored.request_hash !== hash) {
    throw conflict(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was used with a different request body',
      { details: [{ field: 'Idempotency-Key', message: 'was used with a different body' }] },
    );
  }
  return {
    body: JSON.parse(stored.response_body) as BroadcastAccepted,
    replayed: true,
  };
}

async function firstAnswer(
  trx: Transaction<Database>,
  context: {
    broadcastId: string;
    at: Date;
    prepared: PreparedBroadcast;
    expiresAt: Date | null;
    summary: Summary;
    pageSize: number;
  },
): Promise<BroadcastAccepted> {
  const rows = await listBroadcastMessages(trx, context.broadcastId, {
    afterId: null,
    limit: context.pageSize + 1,
    status: undefined,
  });
  const page = rows.slice(0, context.pageSize);
  const last = page.at(-1);
  return {
    broadcastId: context.broadcastId,
    sendAt: context.at.toISOString(),
    sendAtLocal: context.prepared.sendAtLocal,
    category: context.prepared.category,
    expiresAt: context.expiresAt?.toISOString() ?? null,
    recipientCount: context.summary.recipientCount,
    summary: {
      sendingNow: context.summary.sendingNow,
      scheduled: context.summary.scheduled,
      unreachable: context.summary.unreachable,
      suppressed: context.summary.suppressed,
    },
    recipients: page.map(recipientView),
    nextCursor:
      rows.length > context.pageSize && last
        ? RECIPIENTS_CURSOR.encode({ broadcastId: context.broadcastId, id: last.id })
        : null,
  };
}
