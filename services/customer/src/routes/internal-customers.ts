import { type App, errorResponses } from '@screenmagic/service-kit';
import type { FastifyReply } from 'fastify';
import type { CustomerDeps } from '../customers/customer-deps.ts';
import { lookupCustomers, walkPage } from '../customers/lookup-customers.ts';
import type { StoredCustomer } from '../db/stored-customer-repository.ts';
import { setConsent } from '../customers/save-customer.ts';
import { CustomerIdParamsSchema } from '../schemas/customer.ts';
import {
  CUSTOMER_PATHS,
  ConsentBodySchema,
  CustomerRecordSchema,
  LookupBodySchema,
  LookupResultSchema,
  WalkPageSchema,
  WALK_DEFAULT_LIMIT,
  WalkQuerySchema,
} from '@screenmagic/service-kit/contracts';
import { customerRecord, storedRecordJson } from '../views/customer-view.ts';

/**
 * The internal API other services call (docs/architecture.md, "Internal APIs"): lookups by
 * id, name or phone, the keyset walk over every customer, a customer's explanation and
 * consent changes (an inbound STOP / START). Hidden from OpenAPI; the gateway
 * never proxies `/internal/*`. Answers are written as JSON text around the stored
 * schedules (the response schemas document them; see `StoredCustomer` for why).
 */
export function registerInternalCustomerRoutes(app: App, deps: CustomerDeps): void {
  const { db } = deps;
  app.post(
    CUSTOMER_PATHS.lookup,
    {
      schema: {
        hide: true,
        body: LookupBodySchema,
        response: { 200: LookupResultSchema, ...errorResponses(400, 503) },
      },
    },
    async (request, reply) => {
      const { items, missingIds, missingNames, missingPhones } = await lookupCustomers(
        db,
        request.body,
      );
      return sendJson(
        reply,
        `{"items":${recordsJson(items)},"missingIds":${JSON.stringify(missingIds)},` +
          `"missingNames":${JSON.stringify(missingNames)},` +
          `"missingPhones":${JSON.stringify(missingPhones)}}`,
      );
    },
  );

  app.post(
    CUSTOMER_PATHS.consentRoute,
    {
      schema: {
        hide: true,
        params: CustomerIdParamsSchema,
        body: ConsentBodySchema,
        response: { 200: CustomerRecordSchema, ...errorResponses(400, 404, 503) },
      },
    },
    async (request) =>
      customerRecord(await setConsent(deps, request.params.id, request.body.marketing)),
  );

  app.get(
    CUSTOMER_PATHS.walk,
    {
      schema: {
        hide: true,
        querystring: WalkQuerySchema,
        response: { 200: WalkPageSchema, ...errorResponses(400, 503) },
      },
    },
    async (request, reply) => {
      const { after, limit = WALK_DEFAULT_LIMIT } = request.query;
      const { items, nextAfter } = await walkPage(db, after, limit);
      return sendJson(
        reply,
        `{"items":${recordsJson(items)},"nextAfter":${JSON.stringify(nextAfter)}}`,
      );
    },
  );
}

function recordsJson(customers: Iterable<StoredCustomer>): string {
  let out = '';
  for (const customer of customers) out += (out === '' ? '' : ',') + storedRecordJson(customer);
  return `[${out}]`;
}

/** A body that is already JSON text: Fastify sends a string with a JSON type as it is. */
export function sendJson(reply: FastifyReply, json: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}
