import { InstantSchema, LocalInstantSchema } from '@screenmagic/service-kit';
import Type, { type Static, type TSchema } from 'typebox';
import { MessageStatusSchema } from '@screenmagic/service-kit/contracts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const MessageKindSchema = Type.Enum([
  'broadcast',
  'order-confirmation',
  'order-update',
  'reply',
]);

/** A broadcast recipient: in the 202's first page and in `GET …/recipients`. */
export const RecipientSchema = Type.Object(
  {
    messageId: Type.String(),
    customerId: Type.String(),
    name: Type.String(),
    status: MessageStatusSchema,
    scheduledFor: Nullable(InstantSchema),
    scheduledForLocal: Nullable(LocalInstantSchema),
    attempts: Type.Integer(),
    lastAttemptAt: Nullable(InstantSchema),
    deliveredAt: Nullable(InstantSchema),
  },
  { $id: 'Recipient' },
);
export type Recipient = Static<typeof RecipientSchema>;

/** `GET /v1/messages/{id}`. */
export const MessageSchema = Type.Object(
  {
    messageId: Type.String(),
    id: Type.String(),
    kind: MessageKindSchema,
    broadcastId: Nullable(Type.String()),
    orderId: Nullable(Type.String()),
    customerId: Type.String(),
    customerName: Type.String(),
    text: Type.String(),
    status: MessageStatusSchema,
    attempts: Type.Integer(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
    scheduledFor: Nullable(InstantSchema),
    scheduledForLocal: Nullable(LocalInstantSchema),
    timeZone: Type.String(),
    nextAttemptAt: Nullable(InstantSchema),
    lastAttemptAt: Nullable(InstantSchema),
    lastError: Nullable(Type.String()),
    deliveredAt: Nullable(InstantSchema),
    finishedAt: Nullable(InstantSchema),
    expiresAt: Nullable(InstantSchema),
    category: Type.Enum(['marketing', 'transactional']),
    inboundMessageId: Type.Optional(Nullable(Type.String())),
  },
  { $id: 'Message' },
);
export type MessageView = Static<typeof MessageSchema>;

export const MessageParamsSchema = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
