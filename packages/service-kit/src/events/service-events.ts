import type { Kysely } from 'kysely';
import type { ManagedDatabase } from '../db/managed-database.ts';
import { EventPublisher, type EventPublisherOptions } from './event-publisher.ts';
import type { EventsWebhookConfig } from './webhook-secrets.ts';

/**
 * A service's status-event publisher (SPEC §7) when `EVENTS_WEBHOOK_URL` is set, else
 * undefined; warns once at start when `EVENTS_WEBHOOK_SECRETS` is not, naming `what`
 * ("order events", "status events") as sent unsigned.
 */
export function servicePublisher<DB>(
  webhook: EventsWebhookConfig | undefined,
  database: ManagedDatabase<DB>,
  logger: EventPublisherOptions['logger'],
  what: string,
): EventPublisher | undefined {
  if (webhook === undefined) return undefined;
  if (webhook.signer === undefined) {
    logger?.warn(`EVENTS_WEBHOOK_SECRETS is not set: ${what} are sent unsigned`);
  }
  return new EventPublisher({
    db: database.db as unknown as Kysely<unknown>,
    webhook,
    isReady: () => database.isReady,
    logger,
  });
}
