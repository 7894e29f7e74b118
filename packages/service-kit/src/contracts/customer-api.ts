import { ScheduleSchema } from '@screenmagic/hours-window';
import Type, { type Static } from 'typebox';
import { InstantSchema } from '../schemas/common.ts';

/**
 * The customer service's internal API (docs/architecture.md, "Internal contracts"): the
 * schemas its routes validate with and its callers' client is typed by.
 */
export const CUSTOMER_PATHS = Object.freeze({
  lookup: '/internal/customers/lookup',
  walk: '/internal/customers',
  businessCalendar: '/internal/business-calendar',
  customerChanges: '/internal/customer-changes',
  consent: (id: string) => `/internal/customers/${encodeURIComponent(id)}/consent`,
  consentRoute: '/internal/customers/:id/consent',
  explain: (id: string) => `/internal/customers/${encodeURIComponent(id)}/explain`,
  explainRoute: '/internal/customers/:id/explain',
});

/** What other services learn about a customer. `workingHours` is the normalized schedule. */
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

/** `POST /internal/customers/lookup`: names match like the unique key (trimmed, case-insensitive). */
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
export type LookupBody = Static<typeof LookupBodySchema>;

/** `missingNames` echo the names as the caller sent them. */
export const LookupResultSchema = Type.Object({
  items: Type.Array(CustomerRecordSchema),
  missingIds: Type.Array(Type.String()),
  missingNames: Type.Array(Type.String()),
  missingPhones: Type.Array(Type.String()),
});
export type LookupResult = Static<typeof LookupResultSchema>;

/** `POST /internal/customers/{id}/consent`: an inbound STOP / START. */
export const ConsentBodySchema = Type.Object(
  { marketing: Type.Boolean() },
  { additionalProperties: false },
);

/** The largest page of the walk; {@link WALK_DEFAULT_LIMIT} when the caller gives none. */
export const WALK_MAX_LIMIT = 5_000;
export const WALK_DEFAULT_LIMIT = 1_000;

/** `GET /internal/customers?after=&limit=`: every customer, by id, page by page. */
export const WalkQuerySchema = Type.Object(
  {
    after: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: WALK_MAX_LIMIT, default: WALK_DEFAULT_LIMIT }),
    ),
  },
  { additionalProperties: false },
);

export const WalkPageSchema = Type.Object({
  items: Type.Array(CustomerRecordSchema),
  nextAfter: Type.Union([Type.String(), Type.Null()]),
});
export type WalkPage = Static<typeof WalkPageSchema>;

/** The longest a caller may ask `GET /internal/business-calendar` to hold its answer. */
export const CALENDAR_WAIT_MAX_MS = 30_000;

/**
 * `GET /internal/business-calendar?version=&customerChangeSeq=&waitMs=`: what the caller
 * already has. The answer is held (at most `waitMs`) while the calendar's version is
 * `version` and, when given, the customer change head is `customerChangeSeq` — a long poll
 * (docs/decisions.md, "The calendar is watched, not polled"). Without them it comes at once.
 */
export const InternalCalendarQuerySchema = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    customerChangeSeq: Type.Optional(Type.String({ pattern: '^[0-9]{1,20}$' })),
    waitMs: Type.Optional(Type.Integer({ minimum: 0, maximum: CALENDAR_WAIT_MAX_MS })),
  },
  { additionalProperties: false },
);
export type InternalCalendarQuery = Static<typeof InternalCalendarQuerySchema>;

/** `GET /internal/business-calendar`: the calendar in force and the customer change head. */
export const InternalCalendarSchema = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  calendar: ScheduleSchema,
  updatedAt: InstantSchema,
  /** The last customer change's sequence number ('0' before any): poll the changes past yours. */
  customerChangeSeq: Type.String(),
  /**
   * How long after the request arrived this answer was read (ms, the customer service's
   * monotonic clock): what it holds is at least as new as the caller's send time plus this.
   */
  heldMs: Type.Integer({ minimum: 0 }),
});
export type InternalCalendar = Static<typeof InternalCalendarSchema>;

/** The largest page of the change feed. */
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

/**
 * `GET /internal/customer-changes`: the customers whose hours, zone, consent or existence
 * changed (what queued work depends on), in commit order. Changes only replicas follow
 * (creations, phones, names: `/internal/customer-replica/changes`) are read past, unlisted.
 */
export const CustomerChangesSchema = Type.Object({
  items: Type.Array(Type.Object({ seq: Type.String(), customerId: Type.String() })),
  /** The sequence number to ask after next (the last change read, or `after` when none). */
  lastSeq: Type.String(),
  /** True when `limit` changes were read (some may not be listed): ask again at once. */
  more: Type.Boolean(),
});
export type CustomerChanges = Static<typeof CustomerChangesSchema>;
