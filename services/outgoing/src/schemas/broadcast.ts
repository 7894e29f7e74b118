import { InstantSchema, PageQuerySchema } from '@screenmagic/service-kit';
import Type, { type Static } from 'typebox';
import { MessageStatusSchema, RecipientSchema } from './message.ts';

/** `POST /outgoings` = `POST /v1/broadcasts`. */
export const NewBroadcastSchema = Type.Object(
  {
    message: Type.String({ minLength: 1, maxLength: 10_000, pattern: '\\S' }),
    customers: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
        minItems: 1,
        maxItems: 100_000,
        description:
          'Customer names (trimmed, case-insensitive). Omit both lists for every customer.',
      }),
    ),
    customerIds: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 100_000 }),
    ),
    sendAt: Type.Optional(InstantSchema),
    onClosedDay: Type.Optional(
      Type.Enum(['reject', 'queue'], {
        description:
          'When sendAt falls on a day the business is closed: 409 (reject, default) or queue.',
      }),
    ),
    expiresAt: Type.Optional(InstantSchema),
  },
  {
    $id: 'NewBroadcast',
    additionalProperties: false,
    examples: [{ message: 'Our new menu is out today', customers: ['Asha Rao'] }],
  },
);
export type NewBroadcast = Static<typeof NewBroadcastSchema>;

export const SummarySchema = Type.Object(
  {
    sendingNow: Type.Integer(),
    scheduled: Type.Integer(),
    unreachable: Type.Integer(),
  },
  { $id: 'BroadcastSummary' },
);

/** The 202 of a broadcast (and what an idempotent replay returns). */
export const BroadcastAcceptedSchema = Type.Object(
  {
    broadcastId: Type.String(),
    sendAt: InstantSchema,
    expiresAt: Type.Union([InstantSchema, Type.Null()]),
    recipientCount: Type.Integer(),
    summary: SummarySchema,
    recipients: Type.Array(RecipientSchema),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'BroadcastAccepted' },
);
export type BroadcastAccepted = Static<typeof BroadcastAcceptedSchema>;

export const CountsSchema = Type.Object(
  {
    scheduled: Type.Integer(),
    sending: Type.Integer(),
    delivered: Type.Integer(),
    failed: Type.Integer(),
    cancelled: Type.Integer(),
    expired: Type.Integer(),
    unreachable: Type.Integer(),
  },
  { $id: 'MessageCounts' },
);

/** `GET /v1/broadcasts/{id}`, and the answer to `DELETE`. */
export const BroadcastSchema = Type.Object(
  {
    broadcastId: Type.String(),
    id: Type.String(),
    message: Type.String(),
    status: Type.Enum(['active', 'completed', 'cancelled'], {
      description:
        'active: some messages not yet final; completed: all final; cancelled: by DELETE',
    }),
    sendAt: InstantSchema,
    requestedSendAt: Type.Union([InstantSchema, Type.Null()]),
    onClosedDay: Type.Enum(['reject', 'queue']),
    expiresAt: Type.Union([InstantSchema, Type.Null()]),
    createdAt: InstantSchema,
    cancelledAt: Type.Union([InstantSchema, Type.Null()]),
    recipientCount: Type.Integer(),
    summary: SummarySchema,
    counts: CountsSchema,
  },
  { $id: 'Broadcast' },
);
export type BroadcastView = Static<typeof BroadcastSchema>;

export const CancelledBroadcastSchema = Type.Intersect([
  BroadcastSchema,
  Type.Object({ cancelledNow: Type.Integer({ description: 'Messages this request cancelled' }) }),
]);

export const BroadcastParamsSchema = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

export const RecipientsQuerySchema = Type.Object(
  {
    ...PageQuerySchema.properties,
    status: Type.Optional(MessageStatusSchema),
  },
  { additionalProperties: false },
);

export const RecipientListSchema = Type.Object({
  items: Type.Array(RecipientSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const IdempotencyHeadersSchema = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 255,
      pattern: '^[\\x21-\\x7E]+$',
      description: 'Same key + same body → the first answer, nothing new created.',
    }),
  ),
});

export const BroadcastListQuerySchema = Type.Object(
  { ...PageQuerySchema.properties },
  { additionalProperties: false },
);

/** `GET /v1/broadcasts`: newest first. */
export const BroadcastListSchema = Type.Object(
  {
    items: Type.Array(BroadcastSchema),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'BroadcastList' },
);
