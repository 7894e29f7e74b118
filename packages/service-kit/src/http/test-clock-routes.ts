import type { SettableClock } from '../clock.ts';
import {
  RunDueAnswerSchema,
  SetClockBodySchema,
  TEST_CLOCK_PATHS,
} from '../contracts/test-clock-api.ts';
import type { App } from './create-app.ts';

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
    TEST_CLOCK_PATHS.clock,
    { schema: { ...hidden, body: SetClockBodySchema } },
    (request) => {
      options.clock.set(new Date(request.body.now));
      return { now: options.clock.now().toISOString() };
    },
  );
  app.post(
    TEST_CLOCK_PATHS.runDue,
    { schema: { ...hidden, response: { 200: RunDueAnswerSchema } } },
    async () => ({
      now: options.clock.now().toISOString(),
      ran: await options.runDue(),
    }),
  );
}
