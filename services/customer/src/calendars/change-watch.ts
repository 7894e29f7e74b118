import { toError } from '@screenmagic/service-kit';
import { headMoved, type KnownHead, type PublishedHead } from '../domain/head-moved.ts';

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

  /** Resolves once the head differs from `known`, `waitMs` passed, `signal` aborted, or the watch closed. */
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
      this.#startTimer();
    });
  }

  /** Something was written through this process: read the head now (when anyone waits). */
  nudge(): void {
    if (this.#waiters.size > 0) void this.#check();
  }

  /** Releases every waiter; later waits return at once. */
  close(): void {
    this.#closed = true;
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
  }

  /** One read for every waiter; a nudge during it reads again right after. */
  #check(): Promise<void> {
    if (this.#checking !== undefined) {
      this.#again = true;
      return this.#checking;
    }
    this.#stopTimer();
    this.#checking = (async () => {
      do {
        this.#again = false;
        let head: PublishedHead;
        try {
          head = await this.#read();
        } catch (error) {
          this.#logger?.warn({ err: toError(error) }, 'could not read the published head');
          for (const waiter of [...this.#waiters]) waiter.done();
          return;
        }
        for (const waiter of [...this.#waiters]) if (headMoved(waiter.known, head)) waiter.done();
      } while (this.#again);
    })().finally(() => {
      this.#checking = undefined;
      this.#startTimer();
    });
    return this.#checking;
  }
}
