import { InstantSchema, type App } from '@screenmagic/service-kit/core';
import Type from 'typebox';
import { registerApiKeyAuth } from '../auth/api-key-auth.ts';
import { callService, SERVICE_NAMES, type ServiceClients } from '../clients/service-clients.ts';

export interface TestClockRouteOptions {
  readonly clients: ServiceClients;
  /** GATEWAY_API_KEYS: with keys set, the route asks for one like every proxied route. */
  readonly apiKeys: readonly string[];
  /** Running due work may take a while (a large dispatch); bounded like any upstream call. */
  readonly timeoutMs: number;
}

type RunDueAnswer = { now: string; ran: Record<string, number> };

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
        body: Type.Object({ now: InstantSchema }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const now = new Date(request.body.now).toISOString();
      const call = { requestId: request.id, timeoutMs: options.timeoutMs };
      await Promise.all(
        SERVICE_NAMES.map((service) =>
          callService(options.clients, service, 'POST', '/internal/test/clock', {
            ...call,
            body: { now },
          }),
        ),
      );
      const incoming = await callService<RunDueAnswer>(
        options.clients,
        'incoming',
        'POST',
        '/internal/test/run-due',
        call,
      );
      const outgoing = await callService<RunDueAnswer>(
        options.clients,
        'outgoing',
        'POST',
        '/internal/test/run-due',
        call,
      );
      return { now, ran: { incoming: incoming.ran, outgoing: outgoing.ran } };
    },
  );
  done();
}
