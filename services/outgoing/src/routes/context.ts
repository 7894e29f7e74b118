import type { Schedule } from '@screenmagic/hours-window';
import type { Clock } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { OutgoingConfig } from '../config.ts';
import type { CustomerDirectory } from '@screenmagic/service-kit/contracts';
import type { Database } from '../db/database.ts';
import type { Dispatcher } from '../workers/dispatcher.ts';
import type { ScheduleCache } from '../domain/schedule-cache.ts';
import type { MessageHistory } from '../db/message-history-repository.ts';
import type { ReplicaCatchUp } from '../broadcasts/prepare-broadcast.ts';
import type { OrderConfirmationDeps } from '../messages/create-order-confirmation.ts';

/** What the routes work with, built once in `buildApp`. */
export interface OutgoingContext {
  readonly config: OutgoingConfig;
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly calendar: Schedule;
  readonly directory: CustomerDirectory;
  readonly schedules: ScheduleCache;
  readonly dispatcher: Dispatcher;
  /** Records every message's history (SPEC §5) in the transaction that changes it. */
  readonly history: MessageHistory;
  /** The customer replica: a broadcast to everyone (and its preview) reads it, caught up first. */
  readonly replica: ReplicaCatchUp;
}

/**
 * What a single message's use cases (order messages, replies, a retry) work with; built
 * per request, so `calendar` is the one in force now.
 */
export function messageDeps(context: OutgoingContext): OrderConfirmationDeps {
  return {
    ...planningDeps(context),
    history: context.history,
    onDueNow: () => context.dispatcher.wake(),
  };
}

/** What planning recipients reads (a broadcast, its preview, a single message); per request. */
export function planningDeps(context: OutgoingContext) {
  return {
    db: context.db,
    clock: context.clock,
    calendar: context.calendar,
    directory: context.directory,
    schedules: context.schedules,
    replica: context.replica,
  };
}
