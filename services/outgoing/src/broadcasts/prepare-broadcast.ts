import { describeLocal, type Schedule } from '@screenmagic/hours-window';
import { type Clock, conflict, unprocessable, validationFailed } from '@screenmagic/service-kit';
import type { CustomerDirectory, CustomerRecord } from '@screenmagic/service-kit/contracts';
import type { Audience, OnClosedDay } from '../db/broadcast.table.ts';
import { type BusinessDayCheck, checkBusinessDay } from '../domain/business-day.ts';
import { effectiveSendAt } from '../domain/delivery-decision.ts';
import type { LocalSendTime } from '../domain/local-send-at.ts';
import { type Category, RecipientPlanner } from '../domain/recipient-planner.ts';
import type { ScheduleCache } from '../domain/schedule-cache.ts';
import type { NewBroadcast } from '../schemas/broadcast.ts';

export interface PrepareDeps {
  readonly clock: Clock;
  readonly calendar: Schedule;
  readonly schedules: ScheduleCache;
  /** MARKETING_CAP_PER_DAY; undefined: no cap. */
  readonly marketingCapPerDay: number | undefined;
}

/** A broadcast request checked and ready to plan (what a broadcast and its preview share). */
export interface PreparedBroadcast {
  readonly now: Date;
  /** The instant decisions are made for (`sendAt`, or now); with `sendAtLocal`: now. */
  readonly at: Date;
  readonly requestedSendAt: Date | null;
  readonly sendAtLocal: LocalSendTime | null;
  readonly expiresAt: Date | null;
  readonly onClosedDay: OnClosedDay;
  readonly category: Category;
  readonly audience: Audience;
  readonly planner: RecipientPlanner;
}

/**
 * The checks a broadcast gets before any recipient is looked at, and its planner — the
 * same for a real broadcast and its preview, so both refuse alike:
 * 400 for both recipient lists, for both `sendAt` and `sendAtLocal`, for a `sendAtLocal`
 * date that does not exist, for `expiresAt` not after the send instant; 409
 * BUSINESS_CLOSED when `sendAt` falls on a closed day and `onClosedDay` is `reject`
 * (`sendAtLocal` has no single day: `onClosedDay` does not apply to it).
 */
export function prepareBroadcast(deps: PrepareDeps, body: NewBroadcast): PreparedBroadcast {
  if (body.customers !== undefined && body.customerIds !== undefined) {
    throw validationFailed('Give customers or customerIds, not both', [
      { field: 'customerIds', message: 'cannot be combined with customers' },
    ]);
  }
  if (body.sendAt !== undefined && body.sendAtLocal !== undefined) {
    throw validationFailed('Give sendAt or sendAtLocal, not both', [
      { field: 'sendAtLocal', message: 'cannot be combined with sendAt' },
    ]);
  }
  const date = body.sendAtLocal?.date;
  if (date !== undefined && !isRealDate(date)) {
    throw validationFailed('sendAtLocal.date is not a calendar date', [
      { field: 'sendAtLocal.date', message: 'must be a real date YYYY-MM-DD' },
    ]);
  }
  const now = deps.clock.now();
  const requestedSendAt = body.sendAt === undefined ? null : new Date(body.sendAt);
  const at = effectiveSendAt(requestedSendAt ?? undefined, now);
  const expiresAt = body.expiresAt === undefined ? null : new Date(body.expiresAt);
  if (expiresAt !== null && expiresAt.getTime() <= at.getTime()) {
    throw validationFailed('expiresAt must be later than sendAt (and than now)', [
      { field: 'expiresAt', message: `must be later than ${at.toISOString()}` },
    ]);
  }
  const onClosedDay = body.onClosedDay ?? 'reject';
  const sendAtLocal = body.sendAtLocal ?? null;
  if (sendAtLocal === null) {
    const day = checkBusinessDay(deps.calendar, at);
    if (day.closed && onClosedDay === 'reject') {
      throw businessClosed(deps.calendar, at, day);
    }
  }
  const category = body.category ?? 'marketing';
  return {
    now,
    at,
    requestedSendAt,
    sendAtLocal,
    expiresAt,
    onClosedDay,
    category,
    audience:
      body.customers !== undefined ? 'names' : body.customerIds !== undefined ? 'ids' : 'all',
    planner: new RecipientPlanner({
      calendar: deps.calendar,
      send: sendAtLocal === null ? { kind: 'instant', at } : { kind: 'local', local: sendAtLocal },
      now,
      expiresAt,
      schedules: deps.schedules,
      category,
      capPerDay: deps.marketingCapPerDay,
    }),
  };
}

/**
 * 409 BUSINESS_CLOSED for a send instant on a closed day: the day in the business's zone,
 * named after its closure or holiday when it has one ("closed on Friday 25 December 2026
 * (Christmas Day) in Asia/Kolkata"), with `error.nextOpening` and, for a named day,
 * `error.closure` beside it for programs.
 */
function businessClosed(
  calendar: Schedule,
  at: Date,
  day: Extract<BusinessDayCheck, { closed: true }>,
) {
  const local = describeLocal(at, calendar.timeZone);
  const named = day.closure === null ? '' : ` (${day.closure})`;
  const closedDay = `${local.weekdayName} ${local.day} ${local.monthName} ${local.year}${named} in ${calendar.timeZone}`;
  const reopens = day.nextOpening ? `; it next opens at ${day.nextOpening.toISOString()}` : '';
  return conflict('BUSINESS_CLOSED', `The business is closed on ${closedDay}${reopens}`, {
    details: [{ field: 'sendAt', message: 'falls on a day the business is closed' }],
    extra: {
      nextOpening: day.nextOpening?.toISOString() ?? null,
      ...(day.closure === null ? {} : { closure: day.closure }),
    },
  });
}

/** Brings the customer replica up to the change feed's head (throws when the feed does not answer). */
export interface ReplicaCatchUp {
  sync(): Promise<void>;
}

/**
 * Whether the broadcast's recipients are read from the customer replica and decided per
 * schedule group: a broadcast to everyone without the per-day cap (with it, each
 * recipient's decision depends on their own messages, decided page by page as for a list).
 */
export function readsReplica(prepared: PreparedBroadcast): boolean {
  return prepared.audience === 'all' && !prepared.planner.capped;
}

/** The recipients of a broadcast, page by page; `missing` collects unknown names or ids. */
export function recipientSource(
  directory: CustomerDirectory,
  body: NewBroadcast,
  audience: Audience,
  missing: string[],
  requestId: string,
): AsyncIterable<readonly CustomerRecord[]> {
  if (audience === 'all') return directory.walk(undefined, requestId);
  return audience === 'names'
    ? directory.resolve('names', body.customers ?? [], missing, requestId)
    : directory.resolve('ids', body.customerIds ?? [], missing, requestId);
}

/** 422 UNKNOWN_CUSTOMER naming (up to 1,000 of) the names or ids that do not exist. */
export function unknownCustomers(audience: Audience, missing: readonly string[]) {
  const field = audience === 'names' ? 'customers' : 'customerIds';
  const what = audience === 'names' ? 'names' : 'ids';
  const shown = missing
    .slice(0, 20)
    .map((m) => JSON.stringify(m))
    .join(', ');
  return unprocessable(
    'UNKNOWN_CUSTOMER',
    `No customer with ${what} ${shown}${missing.length > 20 ? ` and ${missing.length - 20} more` : ''}`,
    {
      details: missing
        .slice(0, 1_000)
        .map((value) => ({ field, message: 'no such customer', value })),
      extra: {
        [audience === 'names' ? 'unknownCustomers' : 'unknownCustomerIds']: missing.slice(0, 1_000),
      },
    },
  );
}

function isRealDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(y, m - 1, d));
  return (
    parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d
  );
}
