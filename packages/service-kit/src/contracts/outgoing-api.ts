import Type, { type Static } from 'typebox';
import { InstantSchema } from '../schemas/common.ts';

/** The outgoing service's internal API (docs/architecture.md, "Internal contracts"). */
export const OUTGOING_PATHS = Object.freeze({
  messages: '/internal/messages',
  /** `POST`, an opt-out from incoming: suppresses the customer's queued marketing. */
  suppressMarketing: (customerId: string) =>
    `/internal/customers/${encodeURIComponent(customerId)}/suppress-marketing`,
  suppressMarketingRoute: '/internal/customers/:id/suppress-marketing',
  /** `POST`, from incoming: cancels an order's corrections not sent yet. */
  cancelOrderUpdates: (orderId: string) =>
    `/internal/orders/${encodeURIComponent(orderId)}/cancel-updates`,
  cancelOrderUpdatesRoute: '/internal/orders/:orderId/cancel-updates',
});

/**
 * Every state a message can be in, in the order responses list them. `scheduled`: waiting
 * for its time; `sending`: due (or being delivered, or waiting to retry); then one final
 * state. `unreachable` is only for recipients no delivery window reaches within 28 days;
 * `suppressed` for marketing messages to a customer without consent (`OPTED_OUT`) or beyond
 * the daily cap (`FREQUENCY_CAP`).
 */
export const MESSAGE_STATUSES = Object.freeze([
  'scheduled',
  'sending',
  'delivered',
  'failed',
  'cancelled',
  'expired',
  'unreachable',
  'suppressed',
] as const);
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MessageStatusSchema = Type.Enum([...MESSAGE_STATUSES], {
  description: MESSAGE_STATUSES.join(' | '),
});

/**
 * `POST /internal/messages` from the incoming service: an order confirmation, a correction
 * of a pending order's processing time (`order-update`), both idempotent on
 * `(kind, orderId)`, or the reply to a customer's inbound message (`reply`, SPEC section 6,
 * idempotent on `inboundMessageId`, due at once). `holdToWindow: false` makes an order
 * message due at once (the customer just wrote); `true` holds it to the delivery window.
 */
export const NewInternalMessageSchema = Type.Union([
  Type.Object(
    {
      kind: Type.Union([Type.Literal('order-confirmation'), Type.Literal('order-update')]),
      orderId: Type.String({ minLength: 1, maxLength: 200 }),
      customerId: Type.String({ minLength: 1, maxLength: 64 }),
      text: Type.String({ minLength: 1, maxLength: 10_000 }),
      holdToWindow: Type.Boolean(),
      /**
       * The id to give a new order confirmation: the incoming service answers the order's
       * 201 with it before the hand-over. Ignored when the message exists already.
       */
      messageId: Type.Optional(Type.String({ pattern: '^msg_[0-9A-Za-z]{1,40}$', maxLength: 44 })),
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

/** 201 when created, 200 when it already existed; 422 UNKNOWN_CUSTOMER otherwise. */
export const InternalMessageCreatedSchema = Type.Object({
  messageId: Type.String(),
  status: MessageStatusSchema,
  scheduledFor: Type.Union([InstantSchema, Type.Null()]),
  /** Order updates: which correction of the order this is (1, 2, …). */
  revision: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type InternalMessageCreated = Static<typeof InternalMessageCreatedSchema>;

/**
 * `POST /internal/orders/{orderId}/cancel-updates`: the order's corrections (`order-update`)
 * still waiting to be sent — scheduled, unreachable, or due and not held by a dispatcher —
 * become `cancelled` (`CANCELLED`, with `detail` in their history): a newer correction
 * supersedes them, or the processing time is back to what the customer was told.
 */
export const CancelOrderUpdatesParamsSchema = Type.Object({
  orderId: Type.String({ minLength: 1, maxLength: 200 }),
});
export const CancelOrderUpdatesBodySchema = Type.Object(
  { detail: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type CancelOrderUpdatesBody = Static<typeof CancelOrderUpdatesBodySchema>;

/** What was cancelled, and every correction of the order as it stands afterwards. */
export const CancelOrderUpdatesResultSchema = Type.Object({
  cancelled: Type.Array(Type.String()),
  corrections: Type.Array(
    Type.Object({
      messageId: Type.String(),
      revision: Type.Integer({ minimum: 1 }),
      status: MessageStatusSchema,
    }),
  ),
});
export type CancelOrderUpdatesResult = Static<typeof CancelOrderUpdatesResultSchema>;
