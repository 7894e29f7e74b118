import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/**
 * Test set-up through a service's own routes: injects the request and returns the
 * response, or throws naming the route, the status and the body when the status is not
 * the expected one (set-up that fails should say why, not fail three steps later).
 *
 * @example
 * const created = await injectExpecting(customer, 201, { method: 'POST', url: '/v1/customers', payload });
 */
export async function injectExpecting(
  app: Pick<FastifyInstance, 'inject'>,
  status: number,
  options: InjectOptions & { readonly method: string; readonly url: string },
): Promise<LightMyRequestResponse> {
  const response = await app.inject(options);
  if (response.statusCode !== status) {
    throw new Error(
      `${options.method} ${options.url}: expected ${status}, got ${response.statusCode} ${response.body}`,
    );
  }
  return response;
}
