import {
  type App,
  keysetPage,
  listCursor,
  errorResponses,
  notFound,
} from '@screenmagic/service-kit';
import Type from 'typebox';
import { customerWindows } from '../customers/customer-windows.ts';
import type { CustomerDeps } from '../customers/customer-deps.ts';
import { createCustomer, deleteCustomer, updateCustomer } from '../customers/save-customer.ts';
import { findCustomer, listCustomers } from '../db/customer-repository.ts';
import { nameKey } from '../domain/customer-name.ts';
import {
  CustomerIdParamsSchema,
  CustomerListQuerySchema,
  CustomerListSchema,
  CustomerPatchSchema,
  CustomerSchema,
  NewCustomerSchema,
  WindowsQuerySchema,
  WindowsSchema,
} from '../schemas/customer.ts';
import { customerView } from '../views/customer-view.ts';

const tags = ['customers'];

/** `GET /v1/customers` pages by customer id. */
const CUSTOMERS_CURSOR = listCursor('customers', { id: 'id' });

/**
 * The public customer API: create (also as the seed route `POST /addcustomer`), read,
 * list, update, delete, and delivery windows over a range.
 */
export function registerCustomerRoutes(app: App, deps: CustomerDeps): void {
  const { db, clock, calendar } = deps;

  for (const url of ['/v1/customers', '/addcustomer']) {
    app.post(
      url,
      {
        schema: {
          tags,
          ...(url === '/addcustomer'
            ? {
                operationId: 'seedAddCustomer',
                summary: 'Register a customer (seed route: use POST /v1/customers)',
                deprecated: true,
              }
            : { operationId: 'createCustomer', summary: 'Register a customer' }),
          description:
            'Working hours in the full form or the shorthand; the customer zone is workingHours.timeZone, ' +
            "else timeZone, else the business's. Names are unique (case-insensitive, trimmed): 409 CUSTOMER_EXISTS.",
          body: NewCustomerSchema,
          response: { 201: CustomerSchema, ...errorResponses(400, 409, 413, 503) },
        },
      },
      async (request, reply) => {
        const { customer, warnings } = await createCustomer(deps, request.body);
        return reply
          .code(201)
          .header('location', `/v1/customers/${customer.id}`)
          .send(customerView(customer, await calendar(), customer.createdAt, warnings));
      },
    );
  }

  app.get(
    '/v1/customers',
    {
      schema: {
        tags,
        operationId: 'listCustomers',
        summary: 'List customers',
        description:
          'In id (creation) order, keyset-paginated: pass nextCursor back as cursor. `name` finds ' +
          'the customer with that name, `namePrefix` those whose name starts with it; both ' +
          'compare case-insensitively after trimming.',
        querystring: CustomerListQuerySchema,
        response: { 200: CustomerListSchema, ...errorResponses(400, 503) },
      },
    },
    async (request) => {
      const { cursor, limit = 50 } = request.query;
      const exact = nameKey(request.query.name ?? '');
      const prefix = nameKey(request.query.namePrefix ?? '');
      const found = await listCustomers(db, {
        limit,
        afterId: cursor === undefined ? undefined : CUSTOMERS_CURSOR.decode(cursor).id,
        nameKey: exact === '' ? undefined : exact,
        nameKeyPrefix: prefix === '' ? undefined : prefix,
      });
      const now = clock.now();
      const businessCalendar = await calendar();
      return keysetPage(
        found,
        limit,
        (customer) => customerView(customer, businessCalendar, now),
        CUSTOMERS_CURSOR,
        (last) => ({ id: last.id }),
      );
    },
  );

  app.get(
    '/v1/customers/:id',
    {
      schema: {
        tags,
        operationId: 'getCustomer',
        summary: 'Get a customer, with delivery windows as of now',
        params: CustomerIdParamsSchema,
        response: { 200: CustomerSchema, ...errorResponses(400, 404, 503) },
      },
    },
    async (request) => {
      const customer = await findCustomer(db, request.params.id);
      if (customer === undefined) throw notFound('Customer', request.params.id);
      return customerView(customer, await calendar(), clock.now());
    },
  );

  app.patch(
    '/v1/customers/:id',
    {
      schema: {
        tags,
        operationId: 'updateCustomer',
        summary: 'Change a customer',
        description:
          'Any of name, workingHours, timeZone, phone (null removes it), consent, validated as on create. ' +
          "workingHours without a zone keep the customer's current zone; timeZone alone moves the " +
          'current hours to the new zone.',
        params: CustomerIdParamsSchema,
        body: CustomerPatchSchema,
        response: { 200: CustomerSchema, ...errorResponses(400, 404, 409, 413, 503) },
      },
    },
    async (request) => {
      const { customer, warnings } = await updateCustomer(deps, request.params.id, request.body);
      return customerView(customer, await calendar(), customer.updatedAt, warnings);
    },
  );

  app.delete(
    '/v1/customers/:id',
    {
      schema: {
        tags,
        operationId: 'deleteCustomer',
        summary: 'Delete a customer',
        description: 'Messages still scheduled for the customer are cancelled when they come due.',
        params: CustomerIdParamsSchema,
        response: { 204: Type.Null({ description: 'Deleted' }), ...errorResponses(400, 404, 503) },
      },
    },
    async (request, reply) => {
      await deleteCustomer(deps, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/customers/:id/windows',
    {
      schema: {
        tags,
        operationId: 'getCustomerWindows',
        summary: "A customer's delivery windows in [from, to), and both sides' hours",
        description:
          'Business calendar ∩ customer hours, clipped to [from, to). Defaults: from = now, ' +
          'to = from + 7 days; at most 31 days. `business` and `customer` give each side on ' +
          'its own (open intervals, named closures and holidays, DST changes): what the ' +
          "console's window timeline draws.",
        params: CustomerIdParamsSchema,
        querystring: WindowsQuerySchema,
        response: { 200: WindowsSchema, ...errorResponses(400, 404, 503) },
      },
    },
    async (request) => {
      return customerWindows(deps, request.params.id, request.query);
    },
  );
}
