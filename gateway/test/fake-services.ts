import { createApp, type App } from '@screenmagic/service-kit/core';
import type { ServiceName } from '@screenmagic/service-kit/core';

/** What a fake service saw: enough to check what the gateway forwarded. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: unknown;
}

export interface FakeService {
  readonly name: ServiceName;
  readonly app: App;
  readonly url: URL;
  readonly seen: SeenRequest[];
  ready: boolean;
}

/** The INTERNAL_TOKEN every fake service asks for on its `/internal/*` routes. */
export const INTERNAL_TOKEN = 'fake-internal-token-0123456789';

/**
 * A small real Fastify service standing in for one of ours (the kit's createApp, so the
 * same envelope and health routes), listening on a free port. It echoes what it was sent
 * on the public routes the gateway routes to it, and has the internal test-clock routes
 * (behind {@link INTERNAL_TOKEN}, as a real service's are).
 */
export async function startFakeService(
  name: ServiceName,
  prefixes: readonly string[],
): Promise<FakeService> {
  const app = await createApp({ logger: false, internalToken: INTERNAL_TOKEN });
  const seen: SeenRequest[] = [];
  const service = { name, app, seen, ready: true } as {
    -readonly [K in keyof FakeService]: FakeService[K];
  };
  app.readinessChecks.set('database', () =>
    service.ready ? Promise.resolve() : Promise.reject(new Error('down')),
  );
  app.addHook('onRequest', (request, _reply, done) => {
    seen.push({
      method: request.method,
      url: request.url,
      headers: { ...request.headers },
      body: undefined,
    });
    done();
  });
  app.addHook('preHandler', (request, _reply, done) => {
    const last = seen.at(-1);
    if (last) (last as { body: unknown }).body = request.body;
    done();
  });
  for (const prefix of prefixes) {
    app.all(prefix, (request, reply) =>
      reply.code(request.method === 'POST' ? 201 : 200).send(echo(name, request)),
    );
    app.all(`${prefix}/*`, (request, reply) => reply.code(200).send(echo(name, request)));
  }
  app.get(`${prefixes[0]}/slow/:ms`, async (request) => {
    await new Promise((resolve) =>
      setTimeout(resolve, Number((request.params as { ms: string }).ms)),
    );
    return { slow: true };
  });
  app.get(`${prefixes[0]}/conflict`, (request, reply) =>
    reply.code(409).send({
      error: { code: 'SOME_CONFLICT', message: 'upstream says no', details: [] },
      requestId: request.id,
    }),
  );
  app.get(`${prefixes[0]}/broken`, (_request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
    reply.raw.write('{"partial":');
    setTimeout(() => reply.raw.destroy(), 20);
  });
  app.get(`${prefixes[0]}/headers`, (_request, reply) =>
    reply
      .header('location', '/v1/customers/cus_9')
      .header('x-upstream', 'kept')
      .code(201)
      .send({ ok: true }),
  );
  app.post('/internal/secret', () => ({ secret: true }));
  app.post('/internal/test/clock', (request) => ({ now: (request.body as { now: string }).now }));
  app.post('/internal/test/run-due', () => ({ now: 'x', ran: { [`${name}Work`]: 1 } }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  service.url = new URL(`http://127.0.0.1:${address.port}`);
  return service;
}

function echo(
  service: string,
  request: { method: string; url: string; headers: Record<string, unknown>; body: unknown },
) {
  return {
    service,
    method: request.method,
    url: request.url,
    requestId: request.headers['x-request-id'],
    authorization: request.headers['authorization'] ?? null,
    body: request.body ?? null,
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPortUrl(): Promise<URL> {
  const app = await createApp({ logger: false, internalToken: INTERNAL_TOKEN });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  await app.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return new URL(`http://127.0.0.1:${address.port}`);
}
