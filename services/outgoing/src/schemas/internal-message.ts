import { InstantSchema } from '@screenmagic/service-kit';
import Type, { type Static } from 'typebox';
import { MessageStatusSchema } from './message.ts';

/** `POST /internal/messages` (docs/architecture.md): an order confirmation from incoming. */
export const NewInternalMessageSchema = Type.Object(
  {
    kind: Type.Literal('order-confirmation'),
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
});
