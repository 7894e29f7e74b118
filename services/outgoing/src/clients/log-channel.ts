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

  deliver(delivery: Delivery, traceparent?: string): Promise<void> {
    // The trace id of the delivery span (`00-<trace id>-<span id>-<flags>`): the line is
    // part of the trace of the request that created the message.
    this.#logger?.info(
      traceparent === undefined
        ? { channel: 'log', delivery }
        : { channel: 'log', delivery, traceId: traceparent.slice(3, 35) },
      'message delivered',
    );
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
