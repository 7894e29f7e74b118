import { readFileSync } from 'node:fs';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { OpenApiDocument } from '../domain/merge-openapi.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The public OpenAPI document (what @fastify/swagger-ui renders at /docs). */
    swagger(options?: { yaml?: boolean }): OpenApiDocument | string;
  }
}

/**
 * The repository's `openapi.json` (the image keeps it at the same place relative to the
 * gateway's sources: infra/docker/prune.ts).
 */
export const DEFAULT_OPENAPI_FILE = new URL('../../../openapi.json', import.meta.url);

export interface OpenApiRoutesOptions {
  /** Where the document is; default: the repository's `openapi.json`. */
  readonly file?: URL;
}

/**
 * `GET /openapi.json`: the committed public document (`pnpm openapi` generates it from the
 * services' route schemas; CI fails when it is stale). Read once at start, so it is there
 * whether or not the services are up. `GET /docs`: Swagger UI over the same document.
 *
 * @throws {Error} at registration when the file is missing or not JSON.
 */
export async function openApiRoutes(
  app: FastifyInstance,
  options: OpenApiRoutesOptions,
): Promise<void> {
  const file = options.file ?? DEFAULT_OPENAPI_FILE;
  let document: OpenApiDocument;
  try {
    document = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  } catch (error) {
    throw new Error(`Cannot read the API description ${file.pathname}: run \`pnpm openapi\``, {
      cause: error,
    });
  }
  const json = JSON.stringify(document);

  app.get('/openapi.json', (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(json),
  );

  // @fastify/swagger-ui reads the document through `app.swagger()`; this stands in for
  // @fastify/swagger, which would generate one from this app's own (proxy) routes.
  await app.register(
    fp(
      (instance: FastifyInstance) => {
        instance.decorate('swagger', (swaggerOptions?: { yaml?: boolean }) =>
          // JSON is valid YAML, so the /yaml variant needs no YAML writer.
          swaggerOptions?.yaml ? json : document,
        );
      },
      { name: '@fastify/swagger', fastify: '5.x' },
    ),
  );
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true, persistAuthorization: true },
  });
}
