import { INSTANT_DESCRIPTION, InstantSchema, LocalInstantSchema } from '@screenmagic/service-kit';
import Type, { type Static } from 'typebox';

const Interval = Type.Object({ start: InstantSchema, end: InstantSchema });

/** One side (the business or the customer) at the instant explained. */
export const ExplainSideSchema = Type.Object({
  open: Type.Boolean(),
  reason: Type.String({
    description:
      'OPEN when open; else BUSINESS_CLOSED_DAY, BUSINESS_CLOSURE, OUTSIDE_BUSINESS_HOURS (business) ' +
      'or CUSTOMER_CLOSURE, OUTSIDE_CUSTOMER_HOURS (customer).',
  }),
  cause: Type.String({
    description:
      'What decided: hours, special-hours, closed-weekday, closure, holiday, closed-override, outside-hours, dst-gap.',
  }),
  closure: Type.Optional(
    Type.String({
      description: 'The closure, holiday or override (its date) that closed the day.',
    }),
  ),
  localTime: { ...LocalInstantSchema, description: "The instant in this side's zone." },
  nextChange: Type.Union([InstantSchema, Type.Null()], {
    description: 'The next instant this side opens or closes (within a year).',
  }),
});

/** `GET /v1/customers/{id}/explain` (and the message explain's core). SPEC §5. */
export const ExplanationSchema = Type.Object(
  {
    customerId: Type.String(),
    timeZone: Type.String({ description: "The customer's zone (the text's times are in it)." }),
    at: InstantSchema,
    business: ExplainSideSchema,
    customer: ExplainSideSchema,
    window: Type.Object({
      open: Type.Boolean(),
      current: Type.Optional({ ...Interval, description: 'The window interval containing at.' }),
      next: Type.Optional({ ...Interval, description: 'The next window interval after at.' }),
      nextOpening: Type.Union([InstantSchema, Type.Null()], {
        description:
          'The next opening after at (after the current window when open); null: none within 28 days.',
      }),
    }),
    text: Type.String({
      description: "One sentence in the customer's local time, for a support agent to paste.",
      examples: [
        'Closed: 26 Dec is Boxing Day for the business; next window Mon 28 Dec 15:30–19:00 your time',
      ],
    }),
  },
  { $id: 'Explanation' },
);
export type ExplanationView = Static<typeof ExplanationSchema>;

export const ExplainQuerySchema = Type.Object(
  { at: Type.Optional({ ...InstantSchema, description: `${INSTANT_DESCRIPTION}. Default: now.` }) },
  { additionalProperties: false },
);
