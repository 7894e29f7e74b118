import { ScheduleInputSchema, ScheduleSchema, TimeZoneSchema } from '@screenmagic/hours-window';
import {
  INSTANT_DESCRIPTION,
  InstantSchema,
  ListSchema,
  LocalInstantSchema,
} from '@screenmagic/service-kit';
import Type, { type Static } from 'typebox';

/**
 * A phone as people write it: `+`, the country code and the number, 7 to 15 digits, with
 * spaces, dashes, dots or parentheses between them (`+91 98765 43210`, `+1 (415) 555-0100`).
 * Stored reduced to `+` and digits (E.164) — see domain/phone.ts. The `+` is required: a
 * number without its country code would have to be guessed at, and a wrong guess messages
 * a stranger.
 */
export const PHONE_PATTERN = '^\\s*\\+[ ().-]*[1-9](?:[ ().-]*[0-9]){6,14}[ ().-]*\\s*$';

export const PhoneSchema = Type.String({
  pattern: PHONE_PATTERN,
  maxLength: 40,
  description:
    'Phone number with its country code: + then 7–15 digits, country code first; spaces, ' +
    'dashes, dots and parentheses between the digits are allowed. Stored as + and digits (E.164).',
  examples: ['+919876543210', '+91 98765 43210'],
});

export const CustomerNameSchema = Type.String({
  minLength: 1,
  maxLength: 400,
  description:
    'Unique, compared case-insensitively after trimming (and Unicode NFC). Stored trimmed; ' +
    'at most 200 characters after trimming; no control characters.',
  examples: ['Asha Rao'],
});

/** Working hours as the API accepts them (the `ScheduleInput` component). */
const WorkingHoursInputSchema = { ...ScheduleInputSchema, $id: 'ScheduleInput' };

const customerTimeZone = Type.Optional({
  ...TimeZoneSchema,
  description:
    "The customer's IANA time zone, when workingHours names none. Default: the business's zone. " +
    'Giving a different zone here and in workingHours.timeZone is a 400.',
});

/** SPEC §6: whether the customer may be sent marketing messages. */
const consentObject = Type.Object(
  {
    marketing: Type.Boolean({
      description:
        'Marketing broadcasts reach the customer only when true (STOP/START by SMS change it too).',
    }),
  },
  { additionalProperties: false },
);
export const ConsentSchema = { ...consentObject, $id: 'Consent' };

/** `POST /v1/customers` (and the seed route `POST /addcustomer`). */
export const NewCustomerSchema = Type.Object(
  {
    name: CustomerNameSchema,
    workingHours: WorkingHoursInputSchema,
    timeZone: customerTimeZone,
    phone: Type.Optional(Type.Union([PhoneSchema, Type.Null()])),
    consent: Type.Optional({
      ...consentObject,
      description: 'Default: { marketing: DEFAULT_MARKETING_CONSENT } (true unless configured).',
    }),
  },
  {
    $id: 'NewCustomer',
    additionalProperties: false,
    examples: [
      {
        name: 'Asha Rao',
        workingHours: {
          timeZone: 'Asia/Kolkata',
          start: '09:00',
          end: '18:00',
          days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        },
        phone: '+919876543210',
      },
    ],
  },
);
export type NewCustomer = Static<typeof NewCustomerSchema>;

/** `PATCH /v1/customers/{id}`: any of the fields; `phone: null` removes the phone. */
export const CustomerPatchSchema = Type.Object(
  {
    name: Type.Optional(CustomerNameSchema),
    workingHours: Type.Optional(WorkingHoursInputSchema),
    timeZone: Type.Optional({
      ...TimeZoneSchema,
      description:
        "The customer's new IANA time zone. Alone, it moves the current working hours to that zone " +
        '(same wall-clock hours); with workingHours, it is their zone unless they name one.',
    }),
    phone: Type.Optional(Type.Union([PhoneSchema, Type.Null()])),
    consent: Type.Optional(ConsentSchema),
  },
  {
    $id: 'CustomerPatch',
    additionalProperties: false,
    description:
      'At least one field. workingHours without a time zone (here or in timeZone) keep the ' +
      "customer's current zone.",
  },
);
export type CustomerPatch = Static<typeof CustomerPatchSchema>;

/** One delivery window: UTC instants plus the same instants in the customer's zone. */
export const DeliveryWindowSchema = Type.Object(
  {
    start: InstantSchema,
    end: InstantSchema,
    startLocal: LocalInstantSchema,
    endLocal: LocalInstantSchema,
  },
  { $id: 'DeliveryWindow' },
);
export type DeliveryWindow = Static<typeof DeliveryWindowSchema>;

/** A customer as the public API returns it, with its delivery windows as of now. */
export const CustomerSchema = Type.Object(
  {
    id: Type.String({ examples: ['cus_01JDQ7ZK8Y3S6W2V9T4R5M0N1P'] }),
    name: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    consent: ConsentSchema,
    timeZone: Type.String({
      description: "The customer's IANA time zone (workingHours.timeZone).",
    }),
    workingHours: { ...ScheduleSchema, $id: 'Schedule' },
    deliveryWindows: Type.Array(DeliveryWindowSchema, {
      description:
        'Business calendar ∩ customer hours in the next 7 days from now, sorted; the first ' +
        'starts at now when the window is open now.',
    }),
    reachable: Type.Boolean({ description: 'False when no window opens within 28 days.' }),
    nextDeliveryAt: Type.Union([InstantSchema, Type.Null()], {
      description: 'The earliest instant >= now inside the window (within 28 days), or null.',
    }),
    nextDeliveryAtLocal: Type.Union([LocalInstantSchema, Type.Null()]),
    warnings: Type.Array(Type.String()),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  },
  { $id: 'Customer' },
);
export type CustomerView = Static<typeof CustomerSchema>;

export const CustomerListSchema = ListSchema(CustomerSchema);

export const CustomerIdParamsSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
});

export const CustomerListQuerySchema = Type.Object(
  {
    name: Type.Optional(
      Type.String({
        maxLength: 400,
        description:
          'Only the customer with this name (compared as names are kept unique: case-insensitive, trimmed). Blank: no filter.',
      }),
    ),
    namePrefix: Type.Optional(
      Type.String({
        maxLength: 400,
        description:
          'Only customers whose name starts with this (case-insensitive, trimmed). Blank: no filter.',
      }),
    ),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);

/** The longest span `GET /v1/customers/{id}/windows` computes at once. */
export const WINDOWS_MAX_DAYS = 31;

export const WindowsQuerySchema = Type.Object(
  {
    from: Type.Optional({
      ...InstantSchema,
      description: `${INSTANT_DESCRIPTION}. Default: now.`,
    }),
    to: Type.Optional({
      ...InstantSchema,
      description: `${INSTANT_DESCRIPTION}. Default: from + 7 days. After from, at most ${WINDOWS_MAX_DAYS} days after it.`,
    }),
  },
  { additionalProperties: false },
);

/** A closure, holiday or closed override on one side of a window, with its instants. */
const ClosedStretchSchema = Type.Object(
  {
    from: Type.String({ description: 'First closed local date (YYYY-MM-DD, the side’s zone).' }),
    to: Type.String({ description: 'Last closed local date, inclusive.' }),
    name: Type.Union([Type.String(), Type.Null()], {
      description: 'The closure’s or holiday’s name; null when it has none.',
    }),
    kind: Type.Union([Type.Literal('closure'), Type.Literal('holiday'), Type.Literal('override')]),
    start: { ...InstantSchema, description: 'The first instant of `from` in the side’s zone.' },
    end: { ...InstantSchema, description: 'The first instant after `to` in the side’s zone.' },
  },
  // No $id: the schema appears twice in one response (business and customer), which the
  // serializer refuses for a named schema.
);

/** One side (business or customer) of a delivery window over the requested range. */
const WindowSideSchema = Type.Object({
  timeZone: Type.String(),
  open: Type.Array(Type.Object(DeliveryWindowSchema.properties), {
    description: 'The side’s own open intervals in [from, to); local times in the side’s zone.',
  }),
  closures: Type.Array(ClosedStretchSchema, {
    description: 'Closures, public holidays and closed overrides touching [from, to), unclipped.',
  }),
  offsetChanges: Type.Array(
    Type.Object({
      at: { ...InstantSchema, description: 'The first instant with the new offset.' },
      atLocal: LocalInstantSchema,
      offsetBefore: Type.String({ examples: ['+00:00'] }),
      offsetAfter: Type.String({ examples: ['+01:00'] }),
    }),
    { description: 'The side’s UTC offset changes (DST) in [from, to).' },
  ),
});

export const WindowsSchema = Type.Object(
  {
    customerId: Type.String(),
    timeZone: Type.String(),
    from: InstantSchema,
    to: InstantSchema,
    windows: Type.Array(DeliveryWindowSchema, {
      description: 'The delivery windows: business ∩ customer, local times in the customer’s zone.',
    }),
    business: WindowSideSchema,
    customer: WindowSideSchema,
  },
  { $id: 'CustomerWindows' },
);
