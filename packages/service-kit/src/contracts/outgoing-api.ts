import Type, { type Static } from 'typebox';
import { InstantSchema } from '../schemas/common.ts';

/** The outgoing service's internal API (docs/architecture.md, "Internal contracts"). */
export const OUTGOING_PATHS = Object.freeze({ messages: '/internal/messages' });

/**
 * Every state a message can be in, in the order responses list them. `scheduled`: waiting
 * for its time; `sending`: due (or being delivered, or waiting to retry); then one final
 * state. `unreachable` is only for recipients no delivery window reaches within 28 days.
 */
export const MESSAGE_STATUSES = Object.freeze([
  'scheduled',
  'sending',
  'delivered',
  'failed',
  'cancelled',
  'expired',
  'unreachable',
] as const);
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MessageStatusSchema = Type.Enum([...MESSAGE_STATUSES], {
  description: MESSAGE_STATUSES.join(' | '),
});

/**
 * `POST /internal/messages`: an order confirmation, or a correction of a pending order's
 * processing time (`order-update`), from the incoming service; a confirmation is
 * idempotent on `(kind, orderId)`. `holdToWindow: false` makes it due at once (the customer just
 * wrote); `true` holds it to the customer's delivery window.
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

/** 201 when created, 200 when it already existed; 422 UNKNOWN_CUSTOMER otherwise. */
export const InternalMessageCreatedSchema = Type.Object({
  messageId: Type.String(),
  status: MessageStatusSchema,
  scheduledFor: Type.Union([InstantSchema, Type.Null()]),
  /** Order updates: which correction of the order this is (1, 2, …). */
  revision: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type InternalMessageCreated = Static<typeof InternalMessageCreatedSchema>;
