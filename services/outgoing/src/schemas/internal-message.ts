import { InstantSchema } from '@screenmagic/service-kit';
import Type, { type Static } from 'typebox';
import { MessageStatusSchema } from './message.ts';

/**
 * `POST /internal/messages` (docs/architecture.md): from incoming, an order confirmation,
 * a correction of a pending order's processing time (`order-update`), or the reply to a
 * customer's inbound message (`reply`, SPEC §6).
 */
export const NewInternalMessageSchema = Type.Union([
  Type.Object(
    {
      kind: Type.Union([Type.Literal('order-confirmation'), Type.Literal('order-update')]),
      orderId: Type.String({ minLength: 1, maxLength: 200 }),
      customerId: Type.String({ minLength: 1, maxLength: 64 }),
      text: Type.String({ minLength: 1, maxLength: 10_000 }),
      holdToWindow: Type.Boolean(),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('reply'),
      inboundMessageId: Type.String({ minLength: 1, maxLength: 32 }),
      customerId: Type.String({ minLength: 1, maxLength: 64 }),
      text: Type.String({ minLength: 1, maxLength: 10_000 }),
    },
    { additionalProperties: false },
  ),
]);
export type NewInternalMessage = Static<typeof NewInternalMessageSchema>;
export type NewOrderMessage = Exclude<NewInternalMessage, { kind: 'reply' }>;
export type NewReply = Extract<NewInternalMessage, { kind: 'reply' }>;

/** `POST /internal/customers/{id}/suppress-marketing`: an opt-out from incoming. */
export const SuppressMarketingParamsSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
});
export const SuppressMarketingResultSchema = Type.Object({
  suppressed: Type.Integer(),
  messageIds: Type.Array(Type.String()),
});

export const InternalMessageCreatedSchema = Type.Object({
  messageId: Type.String(),
  status: MessageStatusSchema,
  scheduledFor: Type.Union([InstantSchema, Type.Null()]),
  /** Order updates: which correction of the order this is (1, 2, …). */
  revision: Type.Optional(Type.Integer({ minimum: 1 })),
});
