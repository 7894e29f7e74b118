import { ScheduleSchema } from '@screenmagic/hours-window';
import { InstantSchema } from '@screenmagic/service-kit';
import Type, { type Static } from 'typebox';

/** What other services learn about a customer (docs/architecture.md, "Internal APIs"). */
export const CustomerRecordSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
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
  },
  { additionalProperties: false },
);

export const LookupResultSchema = Type.Object({
  items: Type.Array(CustomerRecordSchema),
  missingIds: Type.Array(Type.String()),
  missingNames: Type.Array(Type.String()),
});

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
