import {
  type App,
  type RunDueAnswer,
  SERVICE_NAMES,
  SetClockBodySchema,
  TEST_CLOCK_PATHS,
} from '@screenmagic/service-kit/core';
import { registerApiKeyAuth } from '../auth/api-key-auth.ts';
import { callService, type ServiceClients } from '../clients/service-clients.ts';

export interface TestClockRouteOptions {
  readonly clients: ServiceClients;
  /** GATEWAY_API_KEYS: with keys set, the route asks for one like every proxied route. */
  readonly apiKeys: readonly string[];
  /** Running due work may take a while (a large dispatch); bounded like any upstream call. */
  readonly timeoutMs: number;
}

/**
 * `POST /test/clock {"now"}` (only with TEST_CLOCK=1): freezes every service's clock at
 * `now`, then runs the work due at that instant on incoming (pending orders, whose
 * confirmations go to outgoing) and then on outgoing (dispatch), and answers what ran.
 * A service that cannot do its part makes it 503 naming the service. Behind the API key
 * (when keys are set) like the public API; registered as its own (encapsulated) plugin so
 * the key check stays on this route. The services' side (`/internal/test/clock`) asks for
 * INTERNAL_TOKEN, which the service clients send.
 */
export function testClockRoutes(
  app: App,
  options: TestClockRouteOptions,
  done: (error?: Error) => void,
): void {
  registerApiKeyAuth(app, options.apiKeys);
  app.post(
    '/test/clock',
    {
      schema: {
        hide: true,
        body: SetClockBodySchema,
      },
    },
    async (request) => {
      const now = new Date(request.body.now).toISOString();
      const call = { requestId: request.id, timeoutMs: options.timeoutMs };
      await Promise.all(
        SERVICE_NAMES.map((service) =>
          callService(options.clients, service, 'POST', TEST_CLOCK_PATHS.clock, {
            ...call,
            body: { now },
          }),
        ),
      );
      const incoming = await callService<RunDueAnswer>(
        options.clients,
        'incoming',
        'POST',
        TEST_CLOCK_PATHS.runDue,
        call,
      );
      const outgoing = await callService<RunDueAnswer>(
        options.clients,
        'outgoing',
        'POST',
        TEST_CLOCK_PATHS.runDue,
        call,
      );
      return { now, ran: { incoming: incoming.ran, outgoing: outgoing.ran } };
    },
  );
  done();
}
