import { bearerToken, rejectBearer } from '@screenmagic/service-kit/core';
import type { FastifyInstance } from 'fastify';
import { ApiKeys } from '../domain/api-keys.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, for rate limiting: `key:<n>` for the n-th API key, `ip:<address>` when auth is off. */
    clientId: string;
  }
}

/**
 * Requires `Authorization: Bearer <key>` on every route of the context it is registered
 * in (not wrapped in fastify-plugin on purpose: the caller decides the scope). Without
 * keys, authentication is off and callers are told apart by IP address.
 */
export function registerApiKeyAuth(app: FastifyInstance, keys: readonly string[]): void {
  app.decorateRequest('clientId', '');
  if (keys.length === 0) {
    app.addHook('onRequest', (request, _reply, done) => {
      request.clientId = `ip:${request.ip}`;
      done();
    });
    return;
  }
  const apiKeys = new ApiKeys(keys);
  // Precomputed so the hot path allocates no id strings.
  const clientIds = keys.map((_, index) => `key:${index}`);
  app.addHook('onRequest', (request, reply, done) => {
    const token = bearerToken(request.headers.authorization);
    const index = token === undefined ? -1 : apiKeys.match(token);
    if (index === -1) {
      rejectBearer(request, reply, {
        realm: 'screenmagic',
        presented: token,
        missing: 'An API key is required: send Authorization: Bearer <key>',
        invalid: 'The API key is not valid',
      });
      return;
    }
    request.clientId = clientIds[index]!;
    done();
  });
}
