import type { Logger } from 'pino';
import type { Channel, Delivery } from './channel.ts';

/**
 * `DELIVERY_WEBHOOK_URL` unset: a delivery is one structured log line
 * (`{"msg":"message delivered","channel":"log","delivery":{…}}`), so a local stack shows
 * what would have been sent, and when.
 */
export class LogChannel implements Channel {
  readonly name = 'log';
  readonly #logger: Pick<Logger, 'info'> | undefined;

  constructor(logger: Pick<Logger, 'info'> | undefined) {
    this.#logger = logger;
  }

  deliver(delivery: Delivery): Promise<void> {
    this.#logger?.info({ channel: 'log', delivery }, 'message delivered');
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
