import { type App, errorResponses } from '@screenmagic/service-kit';
import { CUSTOMER_PATHS } from '@screenmagic/service-kit/contracts';
import type { CustomerDeps } from '../customers/customer-deps.ts';
import { explainCustomer } from '../customers/explain-customer.ts';
import { CustomerIdParamsSchema } from '../schemas/customer.ts';
import { ExplainQuerySchema, ExplanationSchema } from '../schemas/explain.ts';
import { explanationView } from '../views/explanation-view.ts';

/**
 * `GET /v1/customers/{id}/explain?at=` (SPEC §5) and its internal twin, which the outgoing
 * service's message explain builds on.
 */
export function registerCustomerExplainRoutes(app: App, deps: CustomerDeps): void {
  const schema = {
    params: CustomerIdParamsSchema,
    querystring: ExplainQuerySchema,
    response: { 200: ExplanationSchema, ...errorResponses(400, 404, 503) },
  };
  const handler = async (request: {
    params: { id: string };
    query: { at?: string | undefined };
  }) => {
    const at = request.query.at === undefined ? undefined : new Date(request.query.at);
    const { customerId, timeZone, explanation } = await explainCustomer(
      deps,
      request.params.id,
      at,
    );
    return explanationView(customerId, timeZone, explanation);
  };
  app.get(
    '/v1/customers/:id/explain',
    {
      schema: {
        tags: ['customers'],
        operationId: 'explainCustomer',
        summary: 'Why the customer can or cannot be messaged at an instant (default: now)',
        ...schema,
      },
    },
    handler,
  );
  app.get(CUSTOMER_PATHS.explainRoute, { schema: { hide: true, ...schema } }, handler);
}
