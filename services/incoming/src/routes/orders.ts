import {
  type App,
  keysetPage,
  listCursor,
  errorResponses,
  AppError,
} from '@screenmagic/service-kit';
import { findOrder, listOrders } from '../db/order-repository.ts';
import { type PlaceOrderDeps, placeOrder } from '../orders/place-order.ts';
import { toOrderView } from '../views/order-view.ts';
import {
  NewOrderSchema,
  OrderListQuerySchema,
  OrderListSchema,
  OrderParamsSchema,
  OrderSchema,
} from '../schemas/order.ts';

const TAGS = ['orders'];

/** `GET /v1/orders` pages by the order's sequence number (the order of acceptance). */
const ORDERS_CURSOR = listCursor('orders', { seq: 'seq' });

/**
 * The orders API: `POST /v1/orders` (and the seed route `POST /incomings`, identical),
 * `GET /v1/orders/{orderId}`, `GET /v1/orders?status=&cursor=&limit=`.
 */
export function registerOrderRoutes(app: App, deps: PlaceOrderDeps): void {
  const create = {
    schema: {
      tags: TAGS,
      body: NewOrderSchema,
      response: {
        201: { ...OrderSchema, description: 'Placed while the business is open: confirmed.' },
        202: {
          ...OrderSchema,
          description: 'Placed while it is closed: pending until the next opening.',
        },
        ...errorResponses(400, 409, 413, 422, 503),
      },
    },
  } as const;
  for (const [url, operation] of [
    ['/v1/orders', { operationId: 'createOrder', summary: 'Place an order' }],
    [
      '/incomings',
      {
        operationId: 'seedIncomings',
        summary: 'Place an order (seed route: use POST /v1/orders)',
        deprecated: true,
      },
    ],
  ] as const) {
    app.post(
      url,
      { ...create, schema: { ...create.schema, ...operation } },
      async (request, reply) => {
        const placed = await placeOrder(deps, request.body, request.id);
        return reply.code(placed.statusCode).send(placed.order);
      },
    );
  }

  app.get(
    '/v1/orders/:orderId',
    {
      schema: {
        tags: TAGS,
        operationId: 'getOrder',
        summary: "An order, by the client's orderId",
        params: OrderParamsSchema,
        response: { 200: OrderSchema, ...errorResponses(400, 404, 503) },
      },
    },
    async (request) => {
      const row = await findOrder(deps.db, request.params.orderId);
      if (row === undefined) throw orderNotFound(request.params.orderId);
      return toOrderView(row);
    },
  );

  app.get(
    '/v1/orders',
    {
      schema: {
        tags: TAGS,
        operationId: 'listOrders',
        summary: 'Orders in the order they were accepted, optionally of one status',
        querystring: OrderListQuerySchema,
        response: { 200: OrderListSchema, ...errorResponses(400, 503) },
      },
    },
    async (request) => {
      const { status, cursor, limit = 50 } = request.query;
      const after = cursor === undefined ? undefined : ORDERS_CURSOR.decode(cursor).seq;
      const rows = await listOrders(deps.db, {
        ...(status === undefined ? {} : { status }),
        ...(after === undefined ? {} : { afterSeq: after }),
        limit: limit + 1,
      });
      return keysetPage(rows, limit, toOrderView, ORDERS_CURSOR, (last) => ({ seq: last.seq }));
    },
  );
}

function orderNotFound(orderId: string): AppError {
  return new AppError(404, 'NOT_FOUND', `Order ${JSON.stringify(orderId)} does not exist`, {
    details: [{ field: 'orderId', message: 'not found' }],
  });
}
