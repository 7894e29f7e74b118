import { type App, errorResponses } from '@screenmagic/service-kit';
import {
  REPLICA_PATHS,
  ReplicaChangesQuerySchema,
  ReplicaChangesSchema,
  ReplicaSnapshotQuerySchema,
  ReplicaSnapshotSchema,
} from '@screenmagic/service-kit/contracts';
import type { Kysely } from 'kysely';
import { replicaChanges, replicaSnapshot } from '../customers/replica-feed.ts';
import type { Database } from '../db/database.ts';
import { replicaEntriesJson } from '../views/replica-entry-view.ts';
import { sendJson } from './internal-customers.ts';

/**
 * The feed another service keeps its customer replica with (docs/decisions.md, "The
 * outgoing service's customer replica"): the snapshot walk that fills it, then the
 * changes after a cursor. Hidden from OpenAPI, like every internal route.
 */
export function registerInternalCustomerReplicaRoutes(app: App, db: Kysely<Database>): void {
  app.get(
    REPLICA_PATHS.changes,
    {
      schema: {
        hide: true,
        querystring: ReplicaChangesQuerySchema,
        response: { 200: ReplicaChangesSchema, ...errorResponses(400, 503) },
      },
    },
    async (request, reply) => {
      const { after, limit = 1_000 } = request.query;
      const page = await replicaChanges(db, after, limit);
      return sendJson(
        reply,
        `{"items":${replicaEntriesJson(page.items)},"lastSeq":"${page.lastSeq}","more":${page.more}}`,
      );
    },
  );

  app.get(
    REPLICA_PATHS.snapshot,
    {
      schema: {
        hide: true,
        querystring: ReplicaSnapshotQuerySchema,
        response: { 200: ReplicaSnapshotSchema, ...errorResponses(400, 503) },
      },
    },
    async (request, reply) => {
      const { after, limit = 1_000 } = request.query;
      const page = await replicaSnapshot(db, after, limit);
      return sendJson(
        reply,
        `{"items":${replicaEntriesJson(page.items)},"nextAfter":${JSON.stringify(page.nextAfter)},` +
          `"headSeq":"${page.headSeq}"}`,
      );
    },
  );
}
