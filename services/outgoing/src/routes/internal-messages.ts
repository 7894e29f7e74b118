import type { App } from '@screenmagic/service-kit';
import { messageDeps, type OutgoingContext } from './context.ts';
import { createOrderConfirmation } from '../messages/create-order-confirmation.ts';
import { createOrderUpdate } from '../messages/create-order-update.ts';
import { createReply } from '../messages/create-reply.ts';
import { cancelOrderUpdates } from '../messages/cancel-order-updates.ts';
import { suppressQueuedMarketing } from '../db/marketing-repository.ts';
import {
  CancelOrderUpdatesBodySchema,
  CancelOrderUpdatesParamsSchema,
  CancelOrderUpdatesResultSchema,
  InternalMessageCreatedSchema,
  NewInternalMessageSchema,
  OUTGOING_PATHS,
  SuppressMarketingParamsSchema,
  SuppressMarketingResultSchema,
} from '@screenmagic/service-kit/contracts';

/**
 * The internal API of the incoming service (hidden): `POST /internal/messages` (order
 * confirmations, their corrections and replies to inbound messages) and
 * `POST /internal/customers/{id}/suppress-marketing` (an opt-out) and
 * `POST /internal/orders/{orderId}/cancel-updates` (corrections no longer useful).
 */
export function registerInternalMessageRoutes(app: App, context: OutgoingContext): void {
  app.post(
    OUTGOING_PATHS.messages,
    {
      schema: {
        hide: true,
        body: NewInternalMessageSchema,
        response: { 200: InternalMessageCreatedSchema, 201: InternalMessageCreatedSchema },
      },
    },
    async (request, reply) => {
      const deps = messageDeps(context);
      const body = request.body;
      const result =
        body.kind === 'reply'
          ? await createReply(deps, body, String(request.id))
          : body.kind === 'order-update'
            ? await createOrderUpdate(deps, withoutKind(body), String(request.id))
            : await createOrderConfirmation(deps, withoutKind(body), String(request.id));
      return reply.code(result.created ? 201 : 200).send({
        messageId: result.message.id,
        status: result.message.status,
        scheduledFor: result.message.scheduled_for?.toISOString() ?? null,
        ...(result.revision === undefined ? {} : { revision: result.revision }),
      });
    },
  );

  app.post(
    OUTGOING_PATHS.suppressMarketingRoute,
    {
      schema: {
        hide: true,
        params: SuppressMarketingParamsSchema,
        response: { 200: SuppressMarketingResultSchema },
      },
    },
    async (request) => {
      const ids = await suppressQueuedMarketing(
        context.db,
        context.history,
        request.params.id,
        context.clock.now(),
      );
      return { suppressed: ids.length, messageIds: ids };
    },
  );

  app.post(
    OUTGOING_PATHS.cancelOrderUpdatesRoute,
    {
      schema: {
        hide: true,
        params: CancelOrderUpdatesParamsSchema,
        body: CancelOrderUpdatesBodySchema,
        response: { 200: CancelOrderUpdatesResultSchema },
      },
    },
    async (request) => cancelOrderUpdates(context, request.params.orderId, request.body.detail),
  );
}

function withoutKind<T extends { kind: string }>(body: T): Omit<T, 'kind'> {
  const { kind: _kind, ...rest } = body;
  return rest;
}
