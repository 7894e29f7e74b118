import {
  type App,
  keysetPage,
  listCursor,
  errorResponses,
  notFound,
} from '@screenmagic/service-kit';
import { messageDeps, type OutgoingContext } from './context.ts';
import { findBroadcast } from '../db/broadcast-repository.ts';
import { listHistory } from '../db/message-history-repository.ts';
import { findMessage, listMessages } from '../db/message-repository.ts';
import { cancelMessage } from '../messages/cancel-message.ts';
import { retryMessage } from '../messages/retry-message.ts';
import {
  MessageListQuerySchema,
  MessageListSchema,
  MessageParamsSchema,
  MessageSchema,
} from '../schemas/message.ts';
import { messageSummaryView, messageView } from '../views/message-view.ts';

const tags = ['messages'];

/** `GET /v1/messages` pages by message id, newest first. */
const MESSAGES_CURSOR = listCursor('messages', { id: 'id' });

/**
 * Messages: `GET /v1/messages/{id}` (status, attempts, timestamps, history), the list
 * `GET /v1/messages?status=&broadcastId=&customerId=`, and one message's operations:
 * retry a failed one, cancel an unsent one (SPEC §7).
 */
export function registerMessageRoutes(app: App, context: OutgoingContext): void {
  const show = async (id: string) => {
    const row = await findMessage(context.db, id);
    if (row === undefined) throw notFound('Message', id);
    const broadcast =
      row.broadcast_id === null ? undefined : await findBroadcast(context.db, row.broadcast_id);
    return messageView(row, broadcast?.message ?? null, await listHistory(context.db, row));
  };

  app.get(
    '/v1/messages/:id',
    {
      schema: {
        tags,
        operationId: 'getMessage',
        summary: 'A message: status, attempts, timestamps and its history',
        params: MessageParamsSchema,
        response: { 200: MessageSchema, ...errorResponses(400, 404, 503) },
      },
    },
    (request) => show(request.params.id),
  );

  app.get(
    '/v1/messages',
    {
      schema: {
        tags,
        operationId: 'listMessages',
        summary: 'Messages newest first, by status, broadcast or customer',
        querystring: MessageListQuerySchema,
        response: { 200: MessageListSchema, ...errorResponses(400, 503) },
      },
    },
    async (request) => {
      const { cursor, limit = 50, status, broadcastId, customerId } = request.query;
      const beforeId = cursor ? MESSAGES_CURSOR.decode(cursor).id : undefined;
      const rows = await listMessages(
        context.db,
        { status, broadcastId, customerId },
        { beforeId, limit: limit + 1 },
      );
      return keysetPage(rows, limit, messageSummaryView, MESSAGES_CURSOR, (last) => ({
        id: last.id,
      }));
    },
  );

  app.post(
    '/v1/messages/:id/retry',
    {
      schema: {
        tags,
        operationId: 'retryMessage',
        summary: 'Plan a failed message again and retry it',
        params: MessageParamsSchema,
        response: { 200: MessageSchema, ...errorResponses(400, 404, 409, 422, 503) },
      },
    },
    async (request) => {
      await retryMessage(messageDeps(context), request.params.id, String(request.id));
      return show(request.params.id);
    },
  );

  app.delete(
    '/v1/messages/:id',
    {
      schema: {
        tags,
        operationId: 'cancelMessage',
        summary: 'Cancel one message not yet sent',
        params: MessageParamsSchema,
        response: { 200: MessageSchema, ...errorResponses(400, 404, 409, 503) },
      },
    },
    async (request) => {
      await cancelMessage(context, request.params.id);
      return show(request.params.id);
    },
  );
}
