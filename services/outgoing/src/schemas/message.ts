import { InstantSchema, LocalInstantSchema, PageQuerySchema } from '@screenmagic/service-kit';
import Type, { type Static, type TSchema } from 'typebox';
import { MessageStatusSchema } from '@screenmagic/service-kit/contracts';
import { HISTORY_EVENTS, HISTORY_REASONS } from '../domain/message-history.ts';

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

/** One decision in a message's life (SPEC §5). */
export const HistoryEntrySchema = Type.Object(
  {
    at: InstantSchema,
    event: Type.Enum([...HISTORY_EVENTS]),
    reason: Type.Enum([...HISTORY_REASONS]),
    scheduledFor: Type.Optional(InstantSchema),
    scheduledForLocal: Type.Optional(LocalInstantSchema),
    detail: Type.Optional(Type.String()),
  },
  { $id: 'MessageHistoryEntry' },
);
export type HistoryEntryView = Static<typeof HistoryEntrySchema>;

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
    /** The reason code of the current status (the newest history entry's). */
    statusReason: Nullable(Type.Enum([...HISTORY_REASONS])),
    history: Type.Array(HistoryEntrySchema, {
      description: 'Every decision from acceptance to the end, oldest first (SPEC §5)',
    }),
  },
  { $id: 'Message' },
);
export type MessageView = Static<typeof MessageSchema>;

export const MessageParamsSchema = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

/** A message in a list (`GET /v1/messages`): no text, no history (`GET /v1/messages/{id}`). */
export const MessageSummarySchema = Type.Object(
  {
    messageId: Type.String(),
    kind: MessageKindSchema,
    broadcastId: Nullable(Type.String()),
    orderId: Nullable(Type.String()),
    customerId: Type.String(),
    customerName: Type.String(),
    status: MessageStatusSchema,
    statusReason: Nullable(Type.Enum([...HISTORY_REASONS])),
    attempts: Type.Integer(),
    scheduledFor: Nullable(InstantSchema),
    scheduledForLocal: Nullable(LocalInstantSchema),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
    deliveredAt: Nullable(InstantSchema),
  },
  { $id: 'MessageSummary' },
);
export type MessageSummary = Static<typeof MessageSummarySchema>;

export const MessageListQuerySchema = Type.Object(
  {
    ...PageQuerySchema.properties,
    status: Type.Optional(MessageStatusSchema),
    broadcastId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    customerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const MessageListSchema = Type.Object(
  {
    items: Type.Array(MessageSummarySchema),
    nextCursor: Nullable(Type.String()),
  },
  { $id: 'MessageList' },
);
