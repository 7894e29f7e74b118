import type { Schedule } from '@screenmagic/hours-window';
import type { Clock } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Channel } from '../clients/channel.ts';
import type { DispatcherConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { ScheduleCache } from '../domain/schedule-cache.ts';
import type { DispatchMetrics } from '../metrics/outgoing-metrics.ts';
import type { MessageHistory } from '../db/message-history-repository.ts';
import type { ReplicaProof, ReplicaRead } from './replica-read.ts';
import type { DeliverySlots } from './delivery-slots.ts';
import type { IdleQueueMemo } from './idle-queue-memo.ts';
import type { RateDeferrals } from './rate-deferrals.ts';

export type DispatchLogger = Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;

/** What the workers that move queued messages (the dispatcher, the re-planner) work with. */
export interface QueueWorkerDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  /** The business calendar in force (it may change between batches). */
  readonly calendar: () => Schedule;
  readonly schedules: ScheduleCache;
  /** Every change is recorded in the message's history (and its status event), in the same transaction. */
  readonly history: MessageHistory;
}

/** What every step of a batch works with: the dispatcher's dependencies and its state. */
export interface BatchContext extends QueueWorkerDeps {
  /**
   * The recipients' current records: the customer replica, never the customer service
   * (throws DependencyUnavailableError when the replica cannot prove it is fresh).
   */
  readonly customers: {
    byIds(ids: readonly string[]): Promise<ReplicaRead>;
    /** Whether a read may still be acted on (no test clock set since, within the staleness bound). */
    stillProves(proof: ReplicaProof): boolean;
    /** A new read for a batch whose read lapsed by age alone; undefined: give the rest back. */
    reread(ids: readonly string[], lapsed: ReplicaProof): Promise<ReplicaRead | undefined>;
  };
  readonly channel: Channel;
  readonly config: DispatcherConfig;
  /**
   * MARKETING_CAP_PER_DAY, checked again at dispatch (a re-plan or a late dispatch can move
   * a message into a day acceptance did not count it on); undefined: no cap, no query.
   */
  readonly marketingCapPerDay?: number | undefined;
  readonly logger?: DispatchLogger | undefined;
  /** Delivery outcomes and reschedules are counted here (Prometheus). */
  readonly metrics?: DispatchMetrics | undefined;
  /** Deliveries in flight across every worker of this process. */
  readonly slots: DeliverySlots;
  /** Where the history of waits for the rate cap stands (one per process). */
  readonly rateDeferrals: RateDeferrals;
  /** True once the dispatcher is stopping: no new deliveries begin. */
  readonly isStopping: () => boolean;
  /** "Nothing due", shared by the process's claim loops (one idle poll per process). */
  readonly idleQueue?: IdleQueueMemo;
}
