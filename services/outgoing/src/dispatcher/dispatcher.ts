import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Schedule } from '@screenmagic/hours-window';
import {
  type Clock,
  inSpan,
  isDependencyUnavailable,
  PollLoop,
  SpanKind,
  toError,
} from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Channel, Delivery } from '../channels/delivery.ts';
import type { DispatcherConfig } from '../config.ts';
import type { CustomerDirectory } from '../customers/customer-directory.ts';
import type { CustomerRecord } from '../customers/customer-record.ts';
import type { Database } from '../db/database.ts';
import { afterFailedAttempt } from '../domain/backoff.ts';
import { type DispatchAction, planDispatch } from '../domain/dispatch-plan.ts';
import type { ScheduleCache } from '../domain/schedule-cache.ts';
import type { DispatchMetrics } from '../metrics/outgoing-metrics.ts';
import {
  type BroadcastForDispatch,
  loadBroadcastsForDispatch,
} from '../repositories/broadcast-store.ts';
import { pruneDispatchRate, takeDispatchTokens } from '../repositories/dispatch-rate.ts';
import {
  type ClaimedMessage,
  claimDueMessages,
  finishWithoutAttempt,
  markDelivered,
  recordFailedAttempt,
  releaseMessages,
  releaseStaleLocks,
  renewClaims,
  rescheduleMessages,
} from '../repositories/message-queue.ts';
import { isDeadlock } from '../repositories/mysql-errors.ts';
import { addCounts, type DispatchCounts, emptyCounts } from './dispatch-counts.ts';
import { DeliverySlots } from './delivery-slots.ts';

export interface DispatcherOptions {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly calendar: Schedule;
  readonly directory: CustomerDirectory;
  readonly channel: Channel;
  readonly schedules: ScheduleCache;
  readonly config: DispatcherConfig;
  /** Whether the database is migrated (batches wait until it is). */
  readonly isReady: () => boolean;
  readonly logger?: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'> | undefined;
  /** Identifies this process in `locked_by`; a random one by default. */
  readonly instanceId?: string;
  /** Delivery outcomes and reschedules are counted here (Prometheus). */
  readonly metrics?: DispatchMetrics;
}

/** The customer service could not answer: the batch was given back, nothing was sent. */
export class DispatchDeferredError extends Error {
  constructor(count: number, cause: unknown) {
    super(`customer service unavailable: ${count} messages released for later`, { cause });
    this.name = 'DispatchDeferredError';
  }
}

/** A claimed message with what the dispatch-time check needs. */
interface Candidate {
  readonly message: ClaimedMessage;
  readonly customer: CustomerRecord | undefined;
  readonly broadcast: BroadcastForDispatch | undefined;
  readonly window: readonly Schedule[] | null;
}

/**
 * The dispatcher: `workers` claim loops (graphile-worker's shape, in MySQL) that claim due
 * messages, re-check each against its recipient's current delivery window, deliver
 * through the channel and record the outcome; plus a timer that releases stale claims.
 * Safe with any number of replicas: claims use `FOR UPDATE SKIP LOCKED` and every
 * completion is conditional on `locked_by` still being this worker.
 */
export class Dispatcher {
  readonly #options: DispatcherOptions;
  readonly #owners: readonly string[];
  readonly #loops: readonly PollLoop[];
  readonly #inFlight = new Set<Promise<unknown>>();
  /** Deliveries in flight across every worker of this process. */
  readonly #slots: DeliverySlots;
  #sweeper: NodeJS.Timeout | undefined;
  #started = false;
  #stopping = false;
  #wakeSeq = 0;
  /** What batches did since the last `runDue` report (background loops included). */
  #tally: DispatchCounts = emptyCounts();
  #runDueLane: Promise<unknown> = Promise.resolve();

  constructor(options: DispatcherOptions) {
    this.#options = options;
    this.#slots = new DeliverySlots(options.config.concurrency);
    const instance =
      options.instanceId ??
      `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.#owners = Array.from({ length: options.config.workers }, (_, i) => `${instance}/${i}`);
    this.#loops = this.#owners.map(
      (owner) =>
        new PollLoop({
          name: `dispatcher ${owner}`,
          runBatch: () => this.#track(this.runBatch(owner)),
          pollIntervalMs: options.config.pollIntervalMs,
          errorDelayMs: Math.max(1_000, options.config.pollIntervalMs * 2),
          ...(options.logger ? { logger: options.logger } : {}),
        }),
    );
  }

  /** Starts the claim loops and the stale-lock sweeper. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#stopping = false;
    for (const loop of this.#loops) loop.start();
    const sweepEvery = Math.max(500, Math.floor(this.#options.config.lockTimeoutMs / 4));
    this.#sweeper = setInterval(() => void this.#sweep(), sweepEvery);
    this.#sweeper.unref();
  }

  /** True from the start of `stop()`: no new claims or deliveries begin. */
  get isStopping(): boolean {
    return this.#stopping;
  }

  /** Messages are due now: claim them at once instead of at the next poll. */
  wake(): void {
    this.#wakeSeq++;
    for (const loop of this.#loops) loop.wake();
  }

  /**
   * Graceful stop: no new claims; a batch in flight finishes the deliveries it started
   * and gives the rest back to the queue.
   */
  async stop(): Promise<void> {
    this.#stopping = true;
    clearInterval(this.#sweeper);
    await Promise.all(this.#loops.map((loop) => loop.stop()));
    await Promise.allSettled([...this.#inFlight]);
    this.#started = false;
  }

  /**
   * The test clock's `run-due`: releases stale claims, then dispatches everything due at
   * the clock's instant until nothing is left (or the customer service cannot answer),
   * with the same rules as production. Answers what was dispatched since the clock was
   * set ({@link startReport}) or the previous report — so work the background loops did
   * between the clock being set and this call (a wake, a poll) is reported too.
   */
  runDue(): Promise<DispatchCounts> {
    const run = this.#runDueLane.then(() => this.#runDue());
    this.#runDueLane = run.catch(() => undefined);
    return run;
  }

  /** Starts a new report: the test clock was set, earlier work belongs to earlier instants. */
  startReport(): void {
    this.#tally = emptyCounts();
  }

  async #runDue(): Promise<DispatchCounts> {
    await releaseStaleLocks(this.#options.db, this.#options.config.lockTimeoutMs);
    const [first] = this.#loops;
    for (;;) {
      let handled = 0;
      let deferred = false;
      try {
        handled = (await first?.drain()) ?? 0;
      } catch (error) {
        if (!(error instanceof DispatchDeferredError)) throw error;
        deferred = true;
      }
      // Other workers may still be finishing batches they claimed meanwhile.
      const others = [...this.#inFlight];
      await Promise.allSettled(others);
      if (deferred || (handled === 0 && others.length === 0)) break;
    }
    const report = this.#tally;
    this.#tally = emptyCounts();
    return report;
  }

  #track<T>(promise: Promise<T>): Promise<T> {
    this.#inFlight.add(promise);
    const forget = (): void => void this.#inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  /**
   * One batch for one worker: claim, re-check, deliver, record. Returns how many messages
   * it claimed (positive also after waiting out the rate limit: more may be due).
   */
  async runBatch(owner: string): Promise<number> {
    if (!this.#options.isReady() || this.#stopping) return 0;
    const wakeSeq = this.#wakeSeq;
    const now = this.#options.clock.now();
    const started = performance.now();
    const claim = await this.#claim(owner, now);
    const timings: BatchTimings = {
      claimMs: performance.now() - started,
      lookupMs: 0,
      deliverMs: 0,
      recordMs: 0,
    };
    if (claim.messages.length === 0) {
      if (claim.retryInMs > 0) {
        await sleep(claim.retryInMs);
        return 1;
      }
      // A wake that arrived while this claim ran may concern rows it could not yet see.
      return this.#wakeSeq === wakeSeq ? 0 : 1;
    }
    const counts = emptyCounts();
    const heartbeat = this.#heartbeat(owner, claim.messages);
    try {
      await this.#process(owner, now, claim.messages, counts, timings);
    } finally {
      clearInterval(heartbeat);
      addCounts(this.#tally, counts);
    }
    this.#options.logger?.debug(
      { owner, claimed: claim.messages.length, ...counts, ...roundTimings(timings) },
      'dispatched batch',
    );
    return claim.messages.length;
  }

  /** Renews the batch's claims every third of the lock timeout while it runs. */
  #heartbeat(owner: string, messages: readonly ClaimedMessage[]): NodeJS.Timeout {
    const ids = messages.map((m) => m.id);
    const timer = setInterval(
      () => {
        renewClaims(this.#options.db, owner, ids).catch((error: unknown) =>
          this.#options.logger?.warn({ err: toError(error), owner }, 'could not renew claims'),
        );
      },
      Math.max(250, Math.floor(this.#options.config.lockTimeoutMs / 3)),
    );
    timer.unref();
    return timer;
  }

  async #claim(
    owner: string,
    now: Date,
  ): Promise<{ messages: ClaimedMessage[]; retryInMs: number }> {
    const { db, config } = this.#options;
    try {
      return await db
        .transaction()
        .setIsolationLevel('read committed')
        .execute(async (trx) => {
          if (config.ratePerSecond === undefined) {
            return {
              messages: await claimDueMessages(trx, { owner, now, limit: config.batchSize }),
              retryInMs: 0,
            };
          }
          const tokens = await takeDispatchTokens(trx, config.ratePerSecond, config.batchSize);
          if (tokens.granted === 0) return { messages: [], retryInMs: tokens.msToNextSecond };
          const messages = await claimDueMessages(trx, { owner, now, limit: tokens.granted });
          await tokens.giveBack(tokens.granted - messages.length);
          return { messages, retryInMs: 0 };
        });
    } catch (error) {
      if (isDeadlock(error)) return { messages: [], retryInMs: 20 };
      throw error;
    }
  }

  async #process(
    owner: string,
    now: Date,
    messages: readonly ClaimedMessage[],
    counts: DispatchCounts,
    timings: BatchTimings,
  ): Promise<void> {
    const { db, directory } = this.#options;
    let customers: Map<string, CustomerRecord>;
    let broadcasts: Map<string, BroadcastForDispatch>;
    let started = performance.now();
    try {
      broadcasts = await loadBroadcastsForDispatch(
        db,
        distinct(messages.map((m) => m.broadcast_id)),
      );
      customers = await directory.byIds(distinct(messages.map((m) => m.customer_id)));
    } catch (error) {
      const released = await releaseMessages(
        db,
        owner,
        messages.map((m) => m.id),
      ).catch(() => 0);
      if (isDependencyUnavailable(error)) {
        counts.deferred += released;
        throw new DispatchDeferredError(released, error);
      }
      throw error;
    }

    const candidates = messages.map((message): Candidate => {
      const customer = customers.get(message.customer_id);
      return {
        message,
        customer,
        broadcast: message.broadcast_id === null ? undefined : broadcasts.get(message.broadcast_id),
        window: customer
          ? [this.#options.calendar, this.#options.schedules.get(customer.workingHours).schedule]
          : null,
      };
    });

    timings.lookupMs = performance.now() - started;
    const toDeliver: Candidate[] = [];
    const outcomes = new Outcomes();
    for (const candidate of candidates) {
      const action = this.#plan(candidate, now);
      if (action.action === 'deliver') toDeliver.push(candidate);
      else outcomes.add(candidate, action);
    }
    started = performance.now();
    await this.#record(owner, now, outcomes, counts);
    timings.recordMs = performance.now() - started;
    await this.#deliver(owner, now, toDeliver, counts, timings);
  }

  #plan(candidate: Candidate, at: Date): DispatchAction {
    const { message, broadcast, window } = candidate;
    return planDispatch({
      now: at,
      expiresAt: message.expires_at,
      holdToWindow: message.hold_to_window !== 0,
      // A broadcast row that vanished cannot happen (no deletes); treat it as cancelled.
      broadcastCancelled: message.broadcast_id !== null && (broadcast?.cancelled ?? true),
      window,
    });
  }

  async #deliver(
    owner: string,
    now: Date,
    candidates: readonly Candidate[],
    counts: DispatchCounts,
    timings: BatchTimings,
  ): Promise<void> {
    let started = performance.now();
    const { channel, clock, db, config } = this.#options;
    const delivered: { id: string; at: Date }[] = [];
    const late = new Outcomes();
    const notStarted: string[] = [];
    const failures: { message: ClaimedMessage; error: Error; at: Date; seconds: number }[] = [];

    const attempt = async (candidate: Candidate): Promise<void> => {
      if (this.#stopping) {
        notStarted.push(candidate.message.id);
        return;
      }
      // The window is checked again at the very instant of the attempt: a batch that
      // straddles a closing time must not send its tail after the window closed.
      const sentAt = clock.now();
      const action =
        sentAt.getTime() === now.getTime()
          ? { action: 'deliver' as const }
          : this.#plan(candidate, sentAt);
      if (action.action !== 'deliver') {
        late.add(candidate, action);
        return;
      }
      const attemptStarted = performance.now();
      try {
        // A span continuing the trace of the request that created the message: the
        // channel hands it on (the webhook's traceparent).
        await inSpan(
          'deliver message',
          {
            kind: SpanKind.PRODUCER,
            parent: candidate.message.trace_parent ?? candidate.broadcast?.traceParent ?? null,
            attributes: { 'screenmagic.message_id': candidate.message.id, channel: channel.name },
          },
          () => channel.deliver(toDelivery(candidate, sentAt)),
        );
        delivered.push({ id: candidate.message.id, at: sentAt });
        this.#options.metrics?.attempt('delivered', (performance.now() - attemptStarted) / 1_000);
      } catch (error) {
        failures.push({
          message: candidate.message,
          error: toError(error),
          at: sentAt,
          seconds: (performance.now() - attemptStarted) / 1_000,
        });
      }
    };
    await Promise.all(candidates.map((candidate) => this.#slots.run(() => attempt(candidate))));

    timings.deliverMs = performance.now() - started;
    started = performance.now();
    const marked = await markDelivered(db, owner, delivered);
    counts.delivered += delivered.length;
    if (marked < delivered.length) {
      this.#options.logger?.warn(
        { owner, lost: delivered.length - marked },
        'delivered messages whose claim had been released as stale (they may be delivered twice)',
      );
    }
    for (const failure of failures) {
      const next = afterFailedAttempt(failure.message.attempts, config.maxAttempts, failure.at);
      await recordFailedAttempt(db, owner, failure.message.id, {
        retryAt: next.outcome === 'retry' ? next.at : null,
        error: failure.error.message,
        at: failure.at,
      });
      if (next.outcome === 'retry') counts.retried++;
      else counts.failed++;
      this.#options.metrics?.attempt(
        next.outcome === 'retry' ? 'retry' : 'failed',
        failure.seconds,
      );
      if (next.outcome === 'retry') this.#options.metrics?.rescheduled('delivery-failed', 1);
      this.#options.logger?.warn(
        {
          owner,
          messageId: failure.message.id,
          attempts: failure.message.attempts,
          err: failure.error,
        },
        next.outcome === 'retry' ? 'delivery failed; will retry' : 'delivery failed for good',
      );
    }
    await releaseMessages(db, owner, notStarted);
    await this.#record(owner, now, late, counts);
    timings.recordMs += performance.now() - started;
  }

  /** Writes the outcomes that are not deliveries (grouped: one statement per kind/time). */
  async #record(
    owner: string,
    now: Date,
    outcomes: Outcomes,
    counts: DispatchCounts,
  ): Promise<void> {
    const { db } = this.#options;
    await finishWithoutAttempt(db, owner, outcomes.cancelled, 'cancelled', now);
    await finishWithoutAttempt(db, owner, outcomes.expired, 'expired', now);
    await finishWithoutAttempt(db, owner, outcomes.unreachable, 'unreachable', now);
    for (const group of outcomes.rescheduled.values()) {
      await rescheduleMessages(db, owner, group.ids, {
        at: group.at,
        timeZone: group.timeZone,
        now,
      });
    }
    counts.cancelled += outcomes.cancelled.length;
    counts.expired += outcomes.expired.length;
    counts.unreachable += outcomes.unreachable.length;
    for (const group of outcomes.rescheduled.values()) {
      counts.rescheduled += group.ids.length;
      this.#options.metrics?.rescheduled('window-closed', group.ids.length);
    }
  }

  async #sweep(): Promise<void> {
    if (!this.#options.isReady() || this.#stopping) return;
    try {
      const released = await releaseStaleLocks(
        this.#options.db,
        this.#options.config.lockTimeoutMs,
      );
      if (released > 0) this.#options.logger?.warn({ released }, 'released stale message claims');
      if (this.#options.config.ratePerSecond !== undefined)
        await pruneDispatchRate(this.#options.db);
      if (released > 0) this.wake();
    } catch (error) {
      this.#options.logger?.error({ err: toError(error) }, 'stale-claim sweep failed');
    }
  }
}

/** Where a batch's time went (the `dispatched batch` debug line; README, design note). */
interface BatchTimings {
  claimMs: number;
  /** Broadcast texts and the customer service's batch lookup. */
  lookupMs: number;
  /** Channel deliveries, all of them, concurrently. */
  deliverMs: number;
  /** Writing outcomes: delivered, retries, reschedules, cancellations. */
  recordMs: number;
}

function roundTimings(timings: BatchTimings): Record<keyof BatchTimings, number> {
  return {
    claimMs: Math.round(timings.claimMs),
    lookupMs: Math.round(timings.lookupMs),
    deliverMs: Math.round(timings.deliverMs),
    recordMs: Math.round(timings.recordMs),
  };
}

/** Non-delivery outcomes of a batch, grouped for one UPDATE each. */
class Outcomes {
  readonly cancelled: string[] = [];
  readonly expired: string[] = [];
  readonly unreachable: string[] = [];
  readonly rescheduled = new Map<string, { at: Date; timeZone: string; ids: string[] }>();

  add(candidate: Candidate, action: Exclude<DispatchAction, { action: 'deliver' }>): void {
    const id = candidate.message.id;
    switch (action.action) {
      case 'cancel':
        this.cancelled.push(id);
        return;
      case 'expire':
        this.expired.push(id);
        return;
      case 'unreachable':
        this.unreachable.push(id);
        return;
      case 'reschedule': {
        // Only a held message with a current customer is rescheduled.
        const timeZone = candidate.customer?.timeZone ?? 'UTC';
        const key = `${action.at.getTime()}\u0000${timeZone}`;
        const group = this.rescheduled.get(key) ?? { at: action.at, timeZone, ids: [] };
        group.ids.push(id);
        this.rescheduled.set(key, group);
      }
    }
  }
}

function toDelivery(candidate: Candidate, sentAt: Date): Delivery {
  const { message, customer, broadcast } = candidate;
  const to = customer?.phone ? customer.phone : (customer?.name ?? '');
  return message.broadcast_id !== null
    ? {
        messageId: message.id,
        broadcastId: message.broadcast_id,
        customerId: message.customer_id,
        to,
        text: broadcast?.message ?? '',
        kind: message.kind,
        sentAt: sentAt.toISOString(),
      }
    : {
        messageId: message.id,
        orderId: message.order_id ?? '',
        customerId: message.customer_id,
        to,
        text: message.text ?? '',
        kind: message.kind,
        sentAt: sentAt.toISOString(),
      };
}

function distinct(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
