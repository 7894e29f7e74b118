import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { mergeOpenApi, type OpenApiDocument } from '../domain/merge-openapi.ts';
import {
  SERVICE_NAMES,
  type ServiceClients,
  upstreamUnavailable,
} from '../clients/service-clients.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The last merged OpenAPI document (what @fastify/swagger-ui renders at /docs). */
    swagger(options?: { yaml?: boolean }): OpenApiDocument | string;
  }
}

export interface OpenApiRoutesOptions {
  readonly clients: ServiceClients;
  /** How long a merged document is served before the services are asked again. */
  readonly cacheMs?: number;
  readonly now?: () => number;
}

const INFO = {
  title: 'screenmagic API',
  version: '1.0.0',
  description:
    'Business-to-customer messaging that respects working hours. Every route needs `Authorization: Bearer <API key>`.',
};

/**
 * `GET /openapi.json`: the services' own documents merged (see mergeOpenApi), fetched when
 * asked and kept for a short while. A service that cannot answer makes it 503 naming the
 * service: a document silently missing a third of the API would mislead client generators.
 * `GET /docs`: Swagger UI over the same document.
 */
export async function openApiRoutes(
  app: FastifyInstance,
  options: OpenApiRoutesOptions,
): Promise<void> {
  const cacheMs = options.cacheMs ?? 30_000;
  const now = options.now ?? (() => performance.now());
  let cached: { document: OpenApiDocument; at: number } | undefined;

  async function load(requestId: string): Promise<OpenApiDocument> {
    if (cached && now() - cached.at < cacheMs) return cached.document;
    const results = await Promise.allSettled(
      SERVICE_NAMES.map(async (service) => {
        const response = await options.clients[service].call<OpenApiDocument>(
          'GET',
          '/openapi.json',
          {
            requestId,
            timeoutMs: 5_000,
          },
        );
        if (
          response.status !== 200 ||
          typeof response.body !== 'object' ||
          response.body === null
        ) {
          throw new Error(`answered ${response.status}`);
        }
        return { service, document: response.body };
      }),
    );
    const failed = SERVICE_NAMES.filter((_, index) => results[index]?.status === 'rejected');
    if (failed.length > 0) {
      throw upstreamUnavailable(
        `Cannot build the API description: ${failed.join(', ')} did not answer`,
        failed,
      );
    }
    const documents = results.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    cached = { document: mergeOpenApi(documents, INFO), at: now() };
    return cached.document;
  }

  app.get('/openapi.json', (request) => load(request.id));

  // @fastify/swagger-ui reads the document synchronously through `app.swagger()`; this
  // stands in for @fastify/swagger, and the UI's onRequest hook loads the document first.
  await app.register(
    fp(
      (instance: FastifyInstance) => {
        instance.decorate('swagger', (swaggerOptions?: { yaml?: boolean }) => {
          const document = cached?.document ?? {};
          // JSON is valid YAML, so the /yaml variant needs no YAML writer.
          return swaggerOptions?.yaml ? JSON.stringify(document, null, 2) : document;
        });
      },
      { name: '@fastify/swagger', fastify: '5.x' },
    ),
  );
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true, persistAuthorization: true },
    uiHooks: {
      onRequest: (request, _reply, done) => {
        if (!/\/(json|yaml)$/.test(request.url.split('?')[0] ?? '')) return done();
        load(request.id).then(() => done(), done);
      },
    },
  });
}
