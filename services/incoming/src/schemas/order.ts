import {
  INSTANT_DESCRIPTION,
  InstantSchema,
  ListSchema,
  LocalInstantSchema,
} from '@screenmagic/service-kit';
import Type, { type Static } from 'typebox';
import { AMOUNT_PATTERN, CURRENCY_PATTERN, PAYMENT_METHOD_PATTERN } from '../domain/payment.ts';

/** The client's order id: 1–64 of `A–Z a–z 0–9 . _ : -`, starting with a letter or digit. */
export const ORDER_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$';

const OrderIdSchema = Type.String({
  pattern: ORDER_ID_PATTERN,
  description: "The client's order id (unique; the key for idempotency and look-ups).",
  examples: ['ORD-1001'],
});

/** Printable text with something other than spaces in it. */
const TEXT_PATTERN = '^[^\\u0000-\\u001f\\u007f]*\\S[^\\u0000-\\u001f\\u007f]*$';

export const PaymentInputSchema = Type.Object(
  {
    method: Type.String({
      pattern: PAYMENT_METHOD_PATTERN,
      description:
        '1–32 characters: letters, digits, space, ".", "_", "-", beginning and ending with a letter or digit.',
      examples: ['upi', 'card', 'cash on delivery'],
    }),
    amount: Type.String({
      pattern: AMOUNT_PATTERN,
      description:
        'A positive decimal string (never a JSON number) with at most the currency’s ISO 4217 minor units of decimals: "499.00" INR, "1200" JPY.',
      examples: ['499.00'],
    }),
    currency: Type.String({
      pattern: CURRENCY_PATTERN,
      description: 'ISO 4217 code, upper case.',
      examples: ['INR'],
    }),
  },
  { $id: 'Payment', additionalProperties: false },
);

/** `POST /v1/orders` (= `POST /incomings`). Exactly one of `customer` and `customerId`. */
export const NewOrderSchema = Type.Object(
  {
    customer: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        pattern: TEXT_PATTERN,
        description:
          "The customer's name (matched trimmed, case-insensitively). Or give customerId.",
        examples: ['Asha Rao'],
      }),
    ),
    customerId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        pattern: '^[A-Za-z0-9_-]+$',
        description: "The customer's id. Or give customer.",
        examples: ['cus_01JDZ3V1Q7S8X9Y0ZABCDEFGHJ'],
      }),
    ),
    orderId: OrderIdSchema,
    productId: Type.String({
      minLength: 1,
      maxLength: 100,
      pattern: TEXT_PATTERN,
      examples: ['SKU-42'],
    }),
    payment: PaymentInputSchema,
    placedAt: Type.Optional({
      ...InstantSchema,
      description: `When the customer placed the order: ${INSTANT_DESCRIPTION}. Default: now.`,
    }),
  },
  {
    $id: 'NewOrder',
    additionalProperties: false,
    description: 'An order. Give exactly one of customer (a name) and customerId.',
    examples: [
      {
        customer: 'Asha Rao',
        orderId: 'ORD-1001',
        productId: 'SKU-42',
        payment: { method: 'upi', amount: '499.00', currency: 'INR' },
      },
    ],
  },
);

const NullableInstant = Type.Union([InstantSchema, Type.Null()]);
const NullableLocal = Type.Union([LocalInstantSchema, Type.Null()]);

/** An order as the API shows it. */
export const OrderSchema = Type.Object(
  {
    orderId: OrderIdSchema,
    status: Type.Union([Type.Literal('pending'), Type.Literal('confirmed')]),
    reason: Type.Union(
      [Type.Literal('open'), Type.Literal('outside-hours'), Type.Literal('closed-day')],
      {
        description:
          'Why it was confirmed at once (open) or had to wait (outside-hours, closed-day).',
      },
    ),
    customerId: Type.String(),
    customerName: Type.String(),
    customerTimeZone: Type.String({ description: 'The zone the *Local times are given in.' }),
    productId: Type.String(),
    payment: Type.Object({ method: Type.String(), amount: Type.String(), currency: Type.String() }),
    placedAt: InstantSchema,
    placedAtLocal: LocalInstantSchema,
    processingAt: {
      ...InstantSchema,
      description:
        'When the order is (or was) processed: the next opening when pending, its confirmation when placed while open.',
    },
    processingAtLocal: LocalInstantSchema,
    processingAtHistory: Type.Array(
      Type.Object({
        processingAt: InstantSchema,
        processingAtLocal: LocalInstantSchema,
        changedAt: InstantSchema,
        reason: Type.Union([Type.Literal('PLACED'), Type.Literal('CALENDAR_CHANGED')], {
          description:
            'PLACED: announced when the order was placed; CALENDAR_CHANGED: moved by a change of the business calendar.',
        }),
      }),
      {
        description:
          'Every processing time the customer was told, oldest first; a change of the business calendar that moves a pending order adds one (and sends the customer an order-update).',
      },
    ),
    confirmedAt: NullableInstant,
    confirmedAtLocal: NullableLocal,
    reply: Type.String({
      description: 'The text answered to the customer when the order was placed.',
    }),
    confirmationMessageId: Type.Union([Type.String(), Type.Null()], {
      description: "The outgoing service's message carrying the confirmation, once handed over.",
    }),
  },
  { $id: 'Order' },
);

export type OrderView = Static<typeof OrderSchema>;

export const OrderListSchema = ListSchema(OrderSchema);

export const OrderParamsSchema = Type.Object(
  { orderId: OrderIdSchema },
  { additionalProperties: false },
);

export const OrderListQuerySchema = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('confirmed')])),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);
