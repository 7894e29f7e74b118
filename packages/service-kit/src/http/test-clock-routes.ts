import Type from 'typebox';
import type { SettableClock } from '../clock.ts';
import type { App } from './create-app.ts';
import { InstantSchema } from '../schemas/common.ts';

export interface TestClockRoutesOptions {
  readonly clock: SettableClock;
  /** Runs every piece of this service's work that is due at the clock's instant, to completion. */
  readonly runDue: () => Promise<Record<string, number>>;
}

/**
 * The test clock's internal side (only registered with TEST_CLOCK=1): the gateway's
 * `POST /test/clock` sets every service's clock here, then asks each to run what is due.
 */
export function registerTestClockRoutes(app: App, options: TestClockRoutesOptions): void {
  const hidden = { hide: true };
  app.post(
    '/internal/test/clock',
    {
      schema: {
        ...hidden,
        body: Type.Object({ now: InstantSchema }, { additionalProperties: false }),
      },
    },
    (request) => {
      options.clock.set(new Date(request.body.now));
      return { now: options.clock.now().toISOString() };
    },
  );
  app.post('/internal/test/run-due', { schema: hidden }, async () => ({
    now: options.clock.now().toISOString(),
    ran: await options.runDue(),
  }));
}
