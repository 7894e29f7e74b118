import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import Type from 'typebox';
import { ErrorEnvelopeSchema } from '../schemas/common.ts';

/** The query string of a route that takes none: `?x=1` is an unknown property, a 400. */
const NO_QUERY = Type.Object({}, { additionalProperties: false });

interface RouteSchema {
  readonly hide?: boolean;
  readonly querystring?: unknown;
  readonly response?: Readonly<Record<string, unknown>>;
}

/**
 * Query strings are as strict as bodies (SPEC §3: unknown properties are 400). Routes that
 * declare a query string declare it with `additionalProperties: false`; a route that
 * declares none would take any, so `POST /v1/customers?x=1` was a 201 while
 * `GET /v1/customers/{id}/windows?foo=1` was a 400. Every documented route (a schema, not
 * hidden) without one gets the empty strict query string, and its 400 is documented.
 * Hidden routes (`/healthz`, `/readyz`, `/metrics`, `/openapi.json`, the test clock) are
 * left alone: probes and tools may add what they like.
 */
export const strictQueryPlugin = fp(
  (app: FastifyInstance) => {
    app.addHook('onRoute', (route) => {
      const schema = route.schema as RouteSchema | undefined;
      if (schema === undefined || schema.hide === true || schema.querystring !== undefined) return;
      route.schema = {
        ...schema,
        querystring: NO_QUERY,
        ...(schema.response === undefined || '400' in schema.response
          ? {}
          : { response: { ...schema.response, 400: ErrorEnvelopeSchema } }),
      };
    });
  },
  { name: 'strict-query', fastify: '5.x' },
);
