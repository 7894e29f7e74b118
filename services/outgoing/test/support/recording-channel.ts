import type { Channel, Delivery } from '../../src/clients/channel.ts';
import { DeliveryError } from '../../src/clients/channel.ts';

/**
 * A channel for tests: records every accepted delivery; can be told to fail the next n
 * attempts, or to hold deliveries until released (to catch a dispatcher mid-batch).
 */
export class RecordingChannel implements Channel {
  readonly name = 'recording';
  readonly deliveries: Delivery[] = [];
  readonly failures: Delivery[] = [];
  #failNext = 0;
  #gate: Promise<void> | undefined;
  #openGate: (() => void) | undefined;
  #started = 0;

  async deliver(delivery: Delivery): Promise<void> {
    this.#started++;
    if (this.#gate) await this.#gate;
    if (this.#failNext > 0) {
      this.#failNext--;
      this.failures.push(delivery);
      throw new DeliveryError('receiver answered 500');
    }
    this.deliveries.push(delivery);
  }

  failNext(count: number): void {
    this.#failNext = count;
  }

  /** Deliveries wait until `release()`. */
  hold(): void {
    this.#gate = new Promise((resolve) => (this.#openGate = resolve));
  }

  release(): void {
    this.#openGate?.();
    this.#gate = undefined;
  }

  /** Attempts that have begun (held ones included). */
  get started(): number {
    return this.#started;
  }

  clear(): void {
    this.deliveries.length = 0;
    this.failures.length = 0;
    this.#started = 0;
  }

  close(): Promise<void> {
    this.release();
    return Promise.resolve();
  }
}
