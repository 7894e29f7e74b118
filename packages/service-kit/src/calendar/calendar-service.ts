import type { Kysely } from 'kysely';
import type { ServiceClient } from '../clients/service-client.ts';
import type { App } from '../http/create-app.ts';
import {
  CalendarSource,
  type CalendarSourceOptions,
  type TimeRulesListener,
} from './calendar-source.ts';
import { syncStateStore } from './sync-state.ts';

/** A part of a service that runs in the background (a poll loop, a dispatcher, a publisher). */
export interface BackgroundPart {
  start(): void;
  stop(): Promise<void>;
}

/**
 * Ties the background parts of a service that follows the business calendar (incoming,
 * outgoing) to its app. When the app is ready: one read of the calendar before serving
 * (so a healthy stack answers at once; if the customer service is not up yet, the poll
 * loop keeps trying and readiness waits for it), then the source polls, the `workers`
 * start (when `startWorkers`), then the publisher. Before requests drain (and before the
 * database closes): the source and the workers stop together — a batch in flight
 * finishes or gives its claims back — then the publisher.
 */
export function runCalendarService(
  app: App,
  parts: {
    readonly database: { readonly isReady: boolean };
    readonly calendarSource: CalendarSource;
    readonly workers: readonly BackgroundPart[];
    readonly startWorkers: boolean;
    readonly publisher: BackgroundPart | undefined;
  },
): void {
  app.addHook('onReady', async () => {
    if (parts.database.isReady) await parts.calendarSource.sync().catch(() => undefined);
    parts.calendarSource.start();
    if (parts.startWorkers) for (const worker of parts.workers) worker.start();
    parts.publisher?.start();
  });
  app.addHook('preClose', async () => {
    await Promise.all([
      ...parts.workers.map((worker) => worker.stop()),
      parts.calendarSource.stop(),
    ]);
    await parts.publisher?.stop();
  });
}

/**
 * The business calendar as a service follows it: polled from the customer service through
 * `client`, the versions it re-planned for kept in the service's own database `db`.
 */
export function followCalendar<DB>(
  client: ServiceClient,
  db: Kysely<DB>,
  logger: CalendarSourceOptions['logger'],
  listener: TimeRulesListener,
): CalendarSource {
  return new CalendarSource({ client, state: syncStateStore(db), logger, listener });
}
