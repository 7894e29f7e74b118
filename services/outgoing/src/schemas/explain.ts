import { INSTANT_DESCRIPTION, InstantSchema, LocalInstantSchema } from '@screenmagic/service-kit';
import Type, { type Static } from 'typebox';
import { MessageStatusSchema } from '@screenmagic/service-kit/contracts';
import { MessageKindSchema } from './message.ts';

const Interval = Type.Object({ start: InstantSchema, end: InstantSchema });

const ExplainSideSchema = Type.Object({
  open: Type.Boolean(),
  reason: Type.String(),
  cause: Type.String(),
  closure: Type.Optional(Type.String()),
  localTime: LocalInstantSchema,
  nextChange: Type.Union([InstantSchema, Type.Null()]),
});

/**
 * `GET /v1/messages/{id}/explain` (SPEC §5): the customer service's explanation of the
 * recipient's window at `at` (the `Explanation` of `GET /v1/customers/{id}/explain`),
 * with the message it is about.
 */
export const MessageExplanationSchema = Type.Object(
  {
    messageId: Type.String(),
    message: Type.Object({
      kind: MessageKindSchema,
      category: Type.Enum(['marketing', 'transactional']),
      status: MessageStatusSchema,
      holdToWindow: Type.Boolean({
        description:
          'False for a message sent at once whatever the window (a reply, an order confirmation while open).',
      }),
      scheduledFor: Type.Union([InstantSchema, Type.Null()]),
      scheduledForLocal: Type.Union([LocalInstantSchema, Type.Null()]),
    }),
    customerId: Type.String(),
    timeZone: Type.String(),
    at: InstantSchema,
    business: ExplainSideSchema,
    customer: ExplainSideSchema,
    window: Type.Object({
      open: Type.Boolean(),
      current: Type.Optional(Interval),
      next: Type.Optional(Interval),
      nextOpening: Type.Union([InstantSchema, Type.Null()]),
    }),
    text: Type.String({ description: "One sentence in the customer's local time." }),
  },
  { $id: 'MessageExplanation' },
);
export type MessageExplanation = Static<typeof MessageExplanationSchema>;

export const ExplainQuerySchema = Type.Object(
  { at: Type.Optional({ ...InstantSchema, description: `${INSTANT_DESCRIPTION}. Default: now.` }) },
  { additionalProperties: false },
);
