import { type App, errorResponses, notFound } from '@screenmagic/service-kit';
import type { OutgoingContext } from './context.ts';
import { findBroadcast } from '../db/broadcast-repository.ts';
import { listHistory } from '../db/message-history-repository.ts';
import { findMessage } from '../db/message-repository.ts';
import { MessageParamsSchema, MessageSchema } from '../schemas/message.ts';
import { messageView } from '../views/message-view.ts';

/** `GET /v1/messages/{id}`: one message's status, attempts and timestamps. */
export function registerMessageRoutes(app: App, context: OutgoingContext): void {
  app.get(
    '/v1/messages/:id',
    {
      schema: {
        tags: ['messages'],
        operationId: 'getMessage',
        summary: 'A message: status, attempts, timestamps and its history',
        params: MessageParamsSchema,
        response: { 200: MessageSchema, ...errorResponses(400, 404, 503) },
      },
    },
    async (request) => {
      const row = await findMessage(context.db, request.params.id);
      if (row === undefined) throw notFound('Message', request.params.id);
      const broadcast =
        row.broadcast_id === null ? undefined : await findBroadcast(context.db, row.broadcast_id);
      return messageView(row, broadcast?.message ?? null, await listHistory(context.db, row.id));
    },
  );
}
