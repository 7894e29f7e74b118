import { InstantSchema, LocalInstantSchema, PageQuerySchema } from '@screenmagic/service-kit';
import Type, { type Static } from 'typebox';
import { MessageStatusSchema } from '@screenmagic/service-kit/contracts';
import { RecipientSchema } from './message.ts';

export const CategorySchema = Type.Enum(['marketing', 'transactional'], {
  description:
    'marketing (default): only to customers with marketing consent, within MARKETING_CAP_PER_DAY; ' +
    'transactional: to everyone.',
});

/** `sendAtLocal`: a wall time in each recipient's own zone (SPEC §5). */
export const LocalSendTimeSchema = Type.Object(
  {
    time: Type.String({
      pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
      description: "HH:MM, 00:00–23:59, in each recipient's own time zone.",
      examples: ['10:00'],
    }),
    date: Type.Optional(
      Type.String({
        pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
        format: 'date',
        description: "YYYY-MM-DD in each recipient's zone. Absent: the next occurrence of time.",
      }),
    ),
  },
  {
    $id: 'LocalSendTime',
    additionalProperties: false,
    description:
      'Instead of sendAt: each recipient at this wall time in their own zone, then held to their ' +
      'delivery window like any send time. onClosedDay does not apply. With sendAt: 400.',
  },
);
export type LocalSendTimeInput = Static<typeof LocalSendTimeSchema>;

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
    sendAtLocal: Type.Optional(LocalSendTimeSchema),
    category: Type.Optional(CategorySchema),
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
    suppressed: Type.Integer({
      description: 'Marketing recipients without consent or beyond the daily cap: no message sent.',
    }),
  },
  { $id: 'BroadcastSummary' },
);

/** The 202 of a broadcast (and what an idempotent replay returns). */
export const BroadcastAcceptedSchema = Type.Object(
  {
    broadcastId: Type.String(),
    sendAt: InstantSchema,
    sendAtLocal: Type.Optional(Type.Union([LocalSendTimeSchema, Type.Null()])),
    category: Type.Optional(CategorySchema),
    expiresAt: Type.Union([InstantSchema, Type.Null()]),
    recipientCount: Type.Integer(),
    summary: SummarySchema,
    recipients: Type.Array(RecipientSchema),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'BroadcastAccepted' },
);
export type BroadcastAccepted = Static<typeof BroadcastAcceptedSchema>;

/** A recipient as a preview decides it: no message exists, so no messageId. */
export const PreviewRecipientSchema = Type.Object(
  {
    customerId: Type.String(),
    name: Type.String(),
    messageId: Type.Null(),
    status: Type.Enum(['sending', 'scheduled', 'unreachable', 'suppressed']),
    reason: Type.Union([Type.Enum(['OPTED_OUT', 'FREQUENCY_CAP']), Type.Null()], {
      description: 'Why suppressed; null otherwise.',
    }),
    scheduledFor: Type.Union([InstantSchema, Type.Null()]),
    scheduledForLocal: Type.Union([LocalInstantSchema, Type.Null()]),
  },
  { $id: 'PreviewRecipient' },
);
export type PreviewRecipient = Static<typeof PreviewRecipientSchema>;

/** `POST /v1/broadcasts/preview`: what the broadcast would do, nothing stored. */
export const BroadcastPreviewSchema = Type.Object(
  {
    sendAt: InstantSchema,
    recipientCount: Type.Integer(),
    summary: SummarySchema,
    byHour: Type.Array(
      Type.Object({
        hour: { ...InstantSchema, description: 'The UTC instant that starts the hour.' },
        count: Type.Integer({
          description: 'Recipients (sending or scheduled) sent in that hour.',
        }),
      }),
    ),
    lastScheduledFor: Type.Union([InstantSchema, Type.Null()]),
    estimatedCompletion: Type.Union([InstantSchema, Type.Null()], {
      description:
        'When the last send goes out at DISPATCH_RATE_PER_SECOND (lastScheduledFor without a cap).',
    }),
    recipients: Type.Array(PreviewRecipientSchema),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'The next page of recipients: the same POST with ?cursor=.',
    }),
  },
  { $id: 'BroadcastPreview' },
);
export type BroadcastPreview = Static<typeof BroadcastPreviewSchema>;

export const PreviewQuerySchema = Type.Object(
  {
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);

export const CountsSchema = Type.Object(
  {
    scheduled: Type.Integer(),
    sending: Type.Integer(),
    delivered: Type.Integer(),
    failed: Type.Integer(),
    cancelled: Type.Integer(),
    expired: Type.Integer(),
    unreachable: Type.Integer(),
    suppressed: Type.Integer(),
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
    sendAtLocal: Type.Union([LocalSendTimeSchema, Type.Null()]),
    category: CategorySchema,
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
