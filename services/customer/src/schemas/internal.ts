import { ScheduleSchema } from '@screenmagic/hours-window';
import { InstantSchema } from '@screenmagic/service-kit';
import Type, { type Static } from 'typebox';

/** What other services learn about a customer (docs/architecture.md, "Internal APIs"). */
export const CustomerRecordSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  consent: Type.Object({ marketing: Type.Boolean() }),
  timeZone: Type.String(),
  workingHours: ScheduleSchema,
  updatedAt: InstantSchema,
});
export type CustomerRecord = Static<typeof CustomerRecordSchema>;

/** At most this many ids and this many names per lookup. */
export const LOOKUP_MAX_ITEMS = 1_000;

export const LookupBodySchema = Type.Object(
  {
    ids: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: LOOKUP_MAX_ITEMS })),
    names: Type.Optional(
      Type.Array(Type.String({ maxLength: 1_000 }), { maxItems: LOOKUP_MAX_ITEMS }),
    ),
    /** Matched after reducing both sides to `+` and digits; a phone may match several. */
    phones: Type.Optional(
      Type.Array(Type.String({ maxLength: 64 }), { maxItems: LOOKUP_MAX_ITEMS }),
    ),
  },
  { additionalProperties: false },
);

export const LookupResultSchema = Type.Object({
  items: Type.Array(CustomerRecordSchema),
  missingIds: Type.Array(Type.String()),
  missingNames: Type.Array(Type.String()),
  missingPhones: Type.Array(Type.String()),
});

/** `POST /internal/customers/{id}/consent`: an inbound STOP / START. */
export const ConsentBodySchema = Type.Object(
  { marketing: Type.Boolean() },
  { additionalProperties: false },
);

export const WALK_MAX_LIMIT = 5_000;

export const WalkQuerySchema = Type.Object(
  {
    after: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: WALK_MAX_LIMIT, default: 1_000 })),
  },
  { additionalProperties: false },
);

export const WalkPageSchema = Type.Object({
  items: Type.Array(CustomerRecordSchema),
  nextAfter: Type.Union([Type.String(), Type.Null()]),
});

/** `GET /internal/business-calendar`: the calendar in force, cheap enough to poll every second. */
export const InternalCalendarSchema = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  calendar: ScheduleSchema,
  updatedAt: InstantSchema,
  /** The last customer change's sequence number ('0' before any): poll the changes past yours. */
  customerChangeSeq: Type.String(),
});

export const CUSTOMER_CHANGES_MAX_LIMIT = 5_000;

export const CustomerChangesQuerySchema = Type.Object(
  {
    after: Type.Optional(Type.String({ pattern: '^[0-9]{1,20}$' })),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: CUSTOMER_CHANGES_MAX_LIMIT, default: 1_000 }),
    ),
  },
  { additionalProperties: false },
);

/** `GET /internal/customer-changes`: customers whose hours, zone or existence changed, in order. */
export const CustomerChangesSchema = Type.Object({
  items: Type.Array(Type.Object({ seq: Type.String(), customerId: Type.String() })),
  /** The sequence number to ask after next (the last item's, or `after` when none). */
  lastSeq: Type.String(),
});
