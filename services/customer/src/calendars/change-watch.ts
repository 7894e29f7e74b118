import { toError } from '@screenmagic/service-kit';
import { headMoved, type KnownHead, type PublishedHead } from '../domain/head-moved.ts';

/** The shortest gap between two reads of the head while writes keep nudging. */
const NUDGE_GAP_MS = 50;

interface Waiter {
  readonly known: KnownHead;
  readonly done: () => void;
}

export interface ChangeWatchOptions {
  /** The head as stored now (one statement: `publishedHead`). */
  readonly read: () => Promise<PublishedHead>;
  /** How often the head is read while someone waits (default 1 s): changes made through another replica. */
  readonly checkIntervalMs?: number;
  readonly logger?: { warn(fields: object, message: string): void } | undefined;
}

/**
 * The held requests of `GET /internal/business-calendar` (docs/decisions.md, "The calendar
 * is watched, not polled"). While anyone waits, the head is read once per check interval —
 * one statement for every waiter — and at once after a write through this process
 * (`nudge`); a waiter whose known head moved is released. Nobody waiting, nothing runs. A
 * failed read releases every waiter (its answer then reports the outage); `close` releases
 * them all (shutdown) and every later wait returns at once.
 */
export class ChangeWatch {
  readonly #read: () => Promise<PublishedHead>;
  readonly #checkIntervalMs: number;
  readonly #logger: ChangeWatchOptions['logger'];
  readonly #waiters = new Set<Waiter>();
  #timer: NodeJS.Timeout | undefined;
  #nudgeTimer: NodeJS.Timeout | undefined;
  #lastReadAt = Number.NEGATIVE_INFINITY;
  #checking: Promise<void> | undefined;
  #again = false;
  #closed = false;

  constructor(options: ChangeWatchOptions) {
    this.#read = options.read;
    this.#checkIntervalMs = options.checkIntervalMs ?? 1_000;
    this.#logger = options.logger;
  }

  /** How many requests are held now. */
  get waiting(): number {
    return this.#waiters.size;
  }

  /**
   * Resolves once the head differs from `known`, `waitMs` passed, `signal` aborted, or the
   * watch closed. The head is read right after the waiter is registered, so a write between
   * the caller's last look and this call is not missed.
   */
  wait(known: KnownHead, waitMs: number, signal?: AbortSignal): Promise<void> {
    if (this.#closed || waitMs <= 0 || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timeout);
        signal?.removeEventListener('abort', done);
        this.#waiters.delete(waiter);
        if (this.#waiters.size === 0) this.#stopTimer();
        resolve();
      };
      const waiter: Waiter = { known, done };
      const timeout = setTimeout(done, waitMs);
      signal?.addEventListener('abort', done, { once: true });
      this.#waiters.add(waiter);
      void this.#check();
    });
  }

  /**
   * Something was written through this process: read the head now when anyone waits (or
   * once the last read is {@link NUDGE_GAP_MS} old: a stream of writes is one read per gap).
   */
  nudge(): void {
    if (this.#waiters.size === 0) return;
    if (this.#checking !== undefined) {
      this.#again = true;
      return;
    }
    const wait = this.#lastReadAt + NUDGE_GAP_MS - performance.now();
    if (wait <= 0) {
      void this.#check();
    } else if (this.#nudgeTimer === undefined) {
      this.#nudgeTimer = setTimeout(() => {
        this.#nudgeTimer = undefined;
        void this.#check();
      }, wait);
    }
  }

  /** Releases every waiter; later waits return at once. */
  close(): void {
    this.#closed = true;
    this.#stopTimer();
    for (const waiter of [...this.#waiters]) waiter.done();
  }

  #startTimer(): void {
    if (this.#timer !== undefined || this.#checking !== undefined || this.#waiters.size === 0) {
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#check();
    }, this.#checkIntervalMs);
  }

  #stopTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    clearTimeout(this.#nudgeTimer);
    this.#nudgeTimer = undefined;
  }

  /**
   * One read for every waiter; nudges during it read again after it — at most one read per
   * {@link NUDGE_GAP_MS} while writes keep coming.
   */
  #check(): Promise<void> {
    if (this.#checking !== undefined) {
      this.#again = true;
      return this.#checking;
    }
    this.#stopTimer();
    this.#checking = (async () => {
      for (;;) {
        this.#again = false;
        let head: PublishedHead;
        this.#lastReadAt = performance.now();
        try {
          head = await this.#read();
        } catch (error) {
          this.#logger?.warn({ err: toError(error) }, 'could not read the published head');
          for (const waiter of [...this.#waiters]) waiter.done();
          return;
        }
        for (const waiter of [...this.#waiters]) if (headMoved(waiter.known, head)) waiter.done();
        if (!this.#again || this.#waiters.size === 0) return;
        await new Promise((resolve) => setTimeout(resolve, NUDGE_GAP_MS));
        // Closed, or every waiter answered or gone, during the gap: nobody to read for.
        if (this.#closed || this.#waiters.size === 0) return;
      }
    })().finally(() => {
      this.#checking = undefined;
      this.#startTimer();
    });
    return this.#checking;
  }
}
