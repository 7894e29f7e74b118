import {
  type App,
  keysetPage,
  listCursor,
  errorResponses,
  notFound,
} from '@screenmagic/service-kit';
import { acceptBroadcast } from '../broadcasts/accept-broadcast.ts';
import { RECIPIENTS_CURSOR, readRecipientCursor } from '../broadcasts/recipients-cursor.ts';
import { cancelBroadcast } from '../broadcasts/cancel-broadcast.ts';
import { previewBroadcast } from '../broadcasts/preview-broadcast.ts';
import { messageDeps, type OutgoingContext, planningDeps } from './context.ts';
import {
  countMessagesByStatus,
  countMessagesByStatusOf,
  findBroadcast,
  listBroadcasts,
} from '../db/broadcast-repository.ts';
import { listBroadcastMessages } from '../db/message-repository.ts';
import {
  BroadcastAcceptedSchema,
  BroadcastListQuerySchema,
  BroadcastListSchema,
  BroadcastParamsSchema,
  BroadcastPreviewSchema,
  BroadcastSchema,
  CancelledBroadcastSchema,
  IdempotencyHeadersSchema,
  NewBroadcastSchema,
  PreviewQuerySchema,
  RecipientListSchema,
  RecipientsQuerySchema,
} from '../schemas/broadcast.ts';
import { statusCounts } from '../domain/message-status.ts';
import { broadcastView } from '../views/broadcast-view.ts';
import { recipientView } from '../views/message-view.ts';

const tags = ['broadcasts'];

/** `GET /v1/broadcasts` pages by broadcast id, newest first. */
const BROADCASTS_CURSOR = listCursor('broadcasts', { id: 'id' });

/** Broadcasts: `POST /outgoings` (seed route) = `POST /v1/broadcasts`, reads, cancel. */
export function registerBroadcastRoutes(app: App, context: OutgoingContext): void {
  const create = {
    schema: {
      tags,
      operationId: 'createBroadcast',
      summary: 'Send a message to customers, each inside their delivery window',
      headers: IdempotencyHeadersSchema,
      body: NewBroadcastSchema,
      response: { 202: BroadcastAcceptedSchema, ...errorResponses(400, 409, 413, 422, 503) },
    },
  };
  const seed = {
    schema: {
      ...create.schema,
      operationId: 'seedOutgoings',
      summary: 'Send a message to customers (seed route: use POST /v1/broadcasts)',
      deprecated: true,
    },
  };
  for (const [url, options] of [
    ['/outgoings', seed],
    ['/v1/broadcasts', create],
  ] as const) {
    app.post(url, options, async (request, reply) => {
      const answer = await acceptBroadcast(
        {
          ...messageDeps(context),
          replica: context.replica,
          marketingCapPerDay: context.config.marketingCapPerDay,
          pageSize: context.config.recipientsPageSize,
        },
        {
          body: request.body,
          idempotencyKey: request.headers['idempotency-key'],
          requestId: String(request.id),
        },
      );
      if (answer.replayed) void reply.header('idempotent-replayed', 'true');
      // Only accepted broadcasts are remembered, so a replay is a 202 too.
      return reply.code(202).send(answer.body);
    });
  }

  app.post(
    '/v1/broadcasts/preview',
    {
      schema: {
        tags,
        operationId: 'previewBroadcast',
        summary:
          'What a broadcast would do — summary, sends per hour, completion — storing nothing',
        description:
          'The body of a broadcast; the same 400/409/422 a real one would get. No Idempotency-Key. ' +
          'The next page of recipients: the same POST with ?cursor=.',
        querystring: PreviewQuerySchema,
        body: NewBroadcastSchema,
        response: { 200: BroadcastPreviewSchema, ...errorResponses(400, 409, 413, 422, 503) },
      },
    },
    (request) =>
      previewBroadcast(
        {
          ...planningDeps(context),
          marketingCapPerDay: context.config.marketingCapPerDay,
          pageSize: context.config.recipientsPageSize,
          ratePerSecond: context.config.dispatcher.ratePerSecond,
        },
        request.body,
        request.query,
        String(request.id),
      ),
  );

  app.get(
    '/v1/broadcasts',
    {
      schema: {
        tags,
        operationId: 'listBroadcasts',
        summary: 'Broadcasts newest first, each with a count of its messages in every status',
        querystring: BroadcastListQuerySchema,
        response: { 200: BroadcastListSchema, ...errorResponses(400, 503) },
      },
    },
    async (request) => {
      const { cursor, limit = 20 } = request.query;
      const beforeId = cursor ? BROADCASTS_CURSOR.decode(cursor).id : undefined;
      const rows = await listBroadcasts(context.db, { beforeId, limit: limit + 1 });
      const counts = await countMessagesByStatusOf(
        context.db,
        rows.slice(0, limit).map((row) => row.id),
      );
      return keysetPage(
        rows,
        limit,
        (row) => broadcastView(row, counts.get(row.id) ?? statusCounts([])),
        BROADCASTS_CURSOR,
        (last) => ({ id: last.id }),
      );
    },
  );

  app.get(
    '/v1/broadcasts/:id',
    {
      schema: {
        tags,
        operationId: 'getBroadcast',
        summary: 'A broadcast with a count of its messages in every status',
        params: BroadcastParamsSchema,
        response: { 200: BroadcastSchema, ...errorResponses(400, 404, 503) },
      },
    },
    async (request) => {
      const row = await findBroadcast(context.db, request.params.id);
      if (row === undefined) throw notFound('Broadcast', request.params.id);
      return broadcastView(row, await countMessagesByStatus(context.db, row.id));
    },
  );

  app.get(
    '/v1/broadcasts/:id/recipients',
    {
      schema: {
        tags,
        operationId: 'listBroadcastRecipients',
        summary: "A broadcast's recipients and their messages, page by page",
        params: BroadcastParamsSchema,
        querystring: RecipientsQuerySchema,
        response: { 200: RecipientListSchema, ...errorResponses(400, 404, 503) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const limit = request.query.limit ?? context.config.recipientsPageSize;
      const afterId = request.query.cursor ? readRecipientCursor(request.query.cursor, id) : null;
      if ((await findBroadcast(context.db, id)) === undefined) throw notFound('Broadcast', id);
      const rows = await listBroadcastMessages(context.db, id, {
        afterId,
        limit: limit + 1,
        status: request.query.status,
      });
      return keysetPage(rows, limit, recipientView, RECIPIENTS_CURSOR, (last) => ({
        broadcastId: id,
        id: last.id,
      }));
    },
  );

  app.delete(
    '/v1/broadcasts/:id',
    {
      schema: {
        tags,
        operationId: 'cancelBroadcast',
        summary: 'Cancel every message of the broadcast not yet sent',
        params: BroadcastParamsSchema,
        response: { 200: CancelledBroadcastSchema, ...errorResponses(400, 404, 503) },
      },
    },
    (request) => cancelBroadcast(context, request.params.id),
  );
}
