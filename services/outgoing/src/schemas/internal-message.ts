import { InstantSchema } from '@screenmagic/service-kit';
import Type, { type Static } from 'typebox';
import { MessageStatusSchema } from './message.ts';

/**
 * `POST /internal/messages` (docs/architecture.md): an order confirmation, or a correction
 * of a pending order's processing time (`order-update`), from incoming.
 */
export const NewInternalMessageSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('order-confirmation'), Type.Literal('order-update')]),
    orderId: Type.String({ minLength: 1, maxLength: 200 }),
    customerId: Type.String({ minLength: 1, maxLength: 64 }),
    text: Type.String({ minLength: 1, maxLength: 10_000 }),
    holdToWindow: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type NewInternalMessage = Static<typeof NewInternalMessageSchema>;

export const InternalMessageCreatedSchema = Type.Object({
  messageId: Type.String(),
  status: MessageStatusSchema,
  scheduledFor: Type.Union([InstantSchema, Type.Null()]),
  /** Order updates: which correction of the order this is (1, 2, …). */
  revision: Type.Optional(Type.Integer({ minimum: 1 })),
});
