import type { App } from '@screenmagic/service-kit';
import type { OutgoingContext } from './context.ts';
import { createOrderConfirmation } from '../messages/create-order-confirmation.ts';
import { createOrderUpdate } from '../messages/create-order-update.ts';
import {
  InternalMessageCreatedSchema,
  NewInternalMessageSchema,
} from '../schemas/internal-message.ts';

/** `POST /internal/messages`: order confirmations and corrections from the incoming service (hidden). */
export function registerInternalMessageRoutes(app: App, context: OutgoingContext): void {
  app.post(
    '/internal/messages',
    {
      schema: {
        hide: true,
        body: NewInternalMessageSchema,
        response: { 200: InternalMessageCreatedSchema, 201: InternalMessageCreatedSchema },
      },
    },
    async (request, reply) => {
      const deps = {
        db: context.db,
        clock: context.clock,
        calendar: context.calendar,
        directory: context.directory,
        schedules: context.schedules,
        history: context.history,
        onDueNow: () => context.dispatcher.wake(),
      };
      const { kind, ...input } = request.body;
      const result =
        kind === 'order-update'
          ? await createOrderUpdate(deps, input, String(request.id))
          : await createOrderConfirmation(deps, input, String(request.id));
      return reply.code(result.created ? 201 : 200).send({
        messageId: result.message.id,
        status: result.message.status,
        scheduledFor: result.message.scheduled_for?.toISOString() ?? null,
        ...(result.revision === undefined ? {} : { revision: result.revision }),
      });
    },
  );
}
