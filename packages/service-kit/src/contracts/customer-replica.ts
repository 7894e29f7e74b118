import { ScheduleSchema } from '@screenmagic/hours-window';
import Type, { type Static } from 'typebox';

/**
 * The customer replica feed (docs/decisions.md, "The outgoing service's customer
 * replica"): what another service needs to keep its own copy of every customer, so that
 * its hot path never calls the customer service. Pulled with a cursor over the
 * `customer_change` sequence; a snapshot walk fills an empty replica first.
 */
export const REPLICA_PATHS = Object.freeze({
  changes: '/internal/customer-replica/changes',
  snapshot: '/internal/customer-replica/snapshot',
});

/** What a replica keeps of a customer: the window, the consent, the address. */
export const ReplicaCustomerSchema = Type.Object({
  name: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  consent: Type.Object({ marketing: Type.Boolean() }),
  timeZone: Type.String(),
  workingHours: ScheduleSchema,
});
export type ReplicaCustomer = Static<typeof ReplicaCustomerSchema>;

/**
 * A customer as of change `seq` (its latest, read with its row; '0' for one never changed
 * since the sequence began); `customer` is null once it was deleted. A replica keeps an
 * entry only over one with a smaller or equal `seq`, so entries may arrive in any order
 * and more than once.
 */
export const ReplicaEntrySchema = Type.Object({
  id: Type.String(),
  seq: Type.String(),
  customer: Type.Union([ReplicaCustomerSchema, Type.Null()]),
});
export type ReplicaEntry = Static<typeof ReplicaEntrySchema>;

const SeqSchema = Type.String({ pattern: '^[0-9]{1,20}$' });

/** The largest page of the feed and of the snapshot. */
export const REPLICA_MAX_LIMIT = 5_000;

export const ReplicaChangesQuerySchema = Type.Object(
  {
    after: SeqSchema,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: REPLICA_MAX_LIMIT, default: 1_000 })),
  },
  { additionalProperties: false },
);

/**
 * `GET /internal/customer-replica/changes?after=&limit=`: the customers changed after
 * `after` (at most `limit` changes, each customer once), with their current entry.
 */
export const ReplicaChangesSchema = Type.Object({
  items: Type.Array(ReplicaEntrySchema),
  /** Where to ask after next: the last change read, or `after` when none. */
  lastSeq: Type.String(),
  /** True when `limit` changes were read: ask again at once. */
  more: Type.Boolean(),
});
export type ReplicaChanges = Static<typeof ReplicaChangesSchema>;

export const ReplicaSnapshotQuerySchema = Type.Object(
  {
    after: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: REPLICA_MAX_LIMIT, default: 1_000 })),
  },
  { additionalProperties: false },
);

/**
 * `GET /internal/customer-replica/snapshot?after=&limit=`: every customer, by id, page by
 * page. `headSeq` is the last change committed before the page was read: a replica filled
 * by a walk whose first page said `headSeq` follows the changes after it.
 */
export const ReplicaSnapshotSchema = Type.Object({
  items: Type.Array(ReplicaEntrySchema),
  nextAfter: Type.Union([Type.String(), Type.Null()]),
  headSeq: Type.String(),
});
export type ReplicaSnapshot = Static<typeof ReplicaSnapshotSchema>;
