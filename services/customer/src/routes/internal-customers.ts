import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '@screenmagic/service-kit';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import {
  findStoredByIds,
  findStoredByNameKeys,
  type StoredCustomer,
  walkCustomers,
} from '../db/customer-repository.ts';
import type { Database } from '../db/database.ts';
import { nameKey } from '../domain/customer-name.ts';
import {
  LookupBodySchema,
  LookupResultSchema,
  WalkPageSchema,
  WalkQuerySchema,
} from '../schemas/internal.ts';
import { storedRecordJson } from '../views/customer-view.ts';

export interface InternalCustomerRoutesOptions {
  readonly db: Kysely<Database>;
}

/**
 * The internal API other services call (docs/architecture.md, "Internal APIs"): lookups by
 * id or name, and the keyset walk over every customer. Hidden from OpenAPI; the gateway
 * never proxies `/internal/*`. Answers are written as JSON text around the stored
 * schedules (the response schemas document them; see `StoredCustomer` for why).
 */
export const internalCustomerRoutes: FastifyPluginCallbackTypebox<InternalCustomerRoutesOptions> = (
  app,
  { db },
  done,
) => {
  app.post(
    '/internal/customers/lookup',
    {
      schema: {
        hide: true,
        body: LookupBodySchema,
        response: { 200: LookupResultSchema, ...errorResponses(400, 503) },
      },
    },
    async (request, reply) => {
      const ids = [...new Set(request.body.ids ?? [])];
      const names = request.body.names ?? [];
      const keys = [...new Set(names.map(nameKey).filter((key) => key !== ''))];
      const [byId, byName] = await Promise.all([
        findStoredByIds(db, ids),
        findStoredByNameKeys(db, keys),
      ]);
      const foundIds = new Set(byId.map((c) => c.id));
      const foundKeys = new Set(byName.map((c) => c.nameKey));
      const items = new Map<string, StoredCustomer>();
      for (const customer of [...byId, ...byName]) items.set(customer.id, customer);
      const missingIds = ids.filter((id) => !foundIds.has(id));
      const missingNames = names.filter((name) => !foundKeys.has(nameKey(name)));
      return sendJson(
        reply,
        `{"items":${recordsJson(items.values())},"missingIds":${JSON.stringify(missingIds)},` +
          `"missingNames":${JSON.stringify(missingNames)}}`,
      );
    },
  );

  app.get(
    '/internal/customers',
    {
      schema: {
        hide: true,
        querystring: WalkQuerySchema,
        response: { 200: WalkPageSchema, ...errorResponses(400, 503) },
      },
    },
    async (request, reply) => {
      const { after, limit = 1_000 } = request.query;
      const rows = await walkCustomers(db, after, limit);
      const page = rows.slice(0, limit);
      const nextAfter = rows.length > limit ? (page.at(-1)?.id ?? null) : null;
      return sendJson(
        reply,
        `{"items":${recordsJson(page)},"nextAfter":${JSON.stringify(nextAfter)}}`,
      );
    },
  );

  done();
};

function recordsJson(customers: Iterable<StoredCustomer>): string {
  let out = '';
  for (const customer of customers) out += (out === '' ? '' : ',') + storedRecordJson(customer);
  return `[${out}]`;
}

/** A body that is already JSON text: Fastify sends a string with a JSON type as it is. */
function sendJson(reply: FastifyReply, json: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}
