import { hash, timingSafeEqual } from 'node:crypto';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
  onRequestHookHandler,
} from 'fastify';
import fp from 'fastify-plugin';
import { bearerToken, rejectBearer } from './bearer-token.ts';

export interface InternalAuthOptions {
  /** `INTERNAL_TOKEN`; undefined leaves `/internal/*` open (a warning is logged at start). */
  readonly token: string | undefined;
}

/** True for a route of the service-to-service API (`/internal` and everything below). */
export function isInternalRoute(url: string): boolean {
  return url === '/internal' || url.startsWith('/internal/');
}

/**
 * Guards every `/internal/*` route with the shared service token, sent as
 * `Authorization: Bearer <INTERNAL_TOKEN>`: anything else is 401 UNAUTHORIZED in the error
 * envelope. The guard is attached to the matching routes as they are declared (onRoute),
 * so it follows the route the router matched — a percent-encoded or otherwise unusual
 * spelling of the path cannot slip past it — and costs nothing on other routes
 * (`/healthz`, `/readyz`, `/metrics`, the public API). Both sides are hashed (SHA-256) and
 * compared with `timingSafeEqual`, so neither the token's content nor its length shows in
 * the timing.
 */
export const internalAuthPlugin = fp(
  (app: FastifyInstance, options: InternalAuthOptions) => {
    let internalRoutes = 0;
    const guard = options.token === undefined ? undefined : tokenGuard(options.token);
    app.addHook('onRoute', (route) => {
      if (!isInternalRoute(route.url)) return;
      internalRoutes++;
      if (guard === undefined) return;
      const existing = route.onRequest;
      route.onRequest =
        existing === undefined
          ? [guard]
          : [guard, ...(Array.isArray(existing) ? existing : [existing])];
    });
    app.addHook('onReady', (done) => {
      if (guard === undefined && internalRoutes > 0) {
        app.log.warn(
          'INTERNAL_TOKEN is not set: the /internal/* routes are open to anyone who can reach ' +
            'this service. Set INTERNAL_TOKEN (required with NODE_ENV=production).',
        );
      }
      done();
    });
  },
  { name: 'internal-auth', fastify: '5.x' },
);

function tokenGuard(token: string): onRequestHookHandler {
  const expected = digest(token);
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const presented = bearerToken(request.headers.authorization);
    if (presented !== undefined && timingSafeEqual(digest(presented), expected)) {
      done();
      return;
    }
    rejectBearer(request, reply, {
      realm: 'screenmagic-internal',
      presented,
      missing:
        'This internal route needs the service token: send Authorization: Bearer <INTERNAL_TOKEN>',
      invalid: 'The service token is not valid',
    });
  };
}

function digest(value: string): Buffer {
  return hash('sha256', value, 'buffer');
}
