import { formatLocal } from '@screenmagic/hours-window';
import { type App, errorResponses, notFound, unprocessable } from '@screenmagic/service-kit';
import type { OutgoingContext } from './context.ts';
import { findMessage } from '../db/message-repository.ts';
import {
  ExplainQuerySchema,
  type MessageExplanation,
  MessageExplanationSchema,
} from '../schemas/explain.ts';
import { MessageParamsSchema } from '../schemas/message.ts';

/**
 * `GET /v1/messages/{id}/explain?at=` (SPEC §5): why the message's recipient can or cannot
 * be reached at `at` (default now), from the customer service's explanation of their
 * CURRENT hours and zone — what the dispatcher re-checks against — with the message.
 */
export function registerMessageExplainRoutes(app: App, context: OutgoingContext): void {
  app.get(
    '/v1/messages/:id/explain',
    {
      schema: {
        tags: ['messages'],
        operationId: 'explainMessage',
        summary: "Why a message's recipient can or cannot be reached at an instant (default: now)",
        params: MessageParamsSchema,
        querystring: ExplainQuerySchema,
        response: { 200: MessageExplanationSchema, ...errorResponses(400, 404, 422, 503) },
      },
    },
    async (request): Promise<MessageExplanation> => {
      const row = await findMessage(context.db, request.params.id);
      if (row === undefined) throw notFound('Message', request.params.id);
      const at = request.query.at === undefined ? context.clock.now() : new Date(request.query.at);
      const explanation = await context.directory.explain(row.customer_id, at, String(request.id));
      if (explanation === undefined) {
        throw unprocessable(
          'CUSTOMER_DELETED',
          `The recipient ${row.customer_id} of message ${row.id} no longer exists: there is no window to explain`,
        );
      }
      return {
        ...(explanation as Omit<MessageExplanation, 'messageId' | 'message'>),
        messageId: row.id,
        message: {
          kind: row.kind,
          category: row.category,
          status: row.status,
          holdToWindow: row.hold_to_window !== 0,
          scheduledFor: row.scheduled_for?.toISOString() ?? null,
          scheduledForLocal:
            row.scheduled_for === null ? null : formatLocal(row.scheduled_for, row.time_zone),
        },
      };
    },
  );
}
