import type { FastifyInstance } from 'fastify';

/**
 * The OpenAPI document an app generates from its route schemas (what its `GET
 * /openapi.json` answers), for apps made by createApp with `openapi`, after `ready()`.
 * Typed loosely on purpose: @fastify/swagger's types stay out of the kit's public ones
 * (the gateway declares its own `swagger` decoration).
 */
export function openApiDocumentOf(app: FastifyInstance): unknown {
  return (app as unknown as { swagger(): unknown }).swagger();
}
