import { STATUS_CODES } from 'node:http';
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';

type Schema = Record<string, unknown>;
type SwaggerTransform = NonNullable<FastifyDynamicSwaggerOptions['transform']>;

/**
 * How TypeBox schemas with an `$id` become OpenAPI `components`: @fastify/swagger collects
 * every nested schema that has one and names it by `refResolver` (its own default is
 * `def-N`: here, the `$id`). A route's top-level body or response schema is not nested, so
 * it would be inlined: `transform` wraps it in an `allOf` of one so that it is collected
 * too, and `transformObject` unwraps the resulting `{ allOf: [{ $ref }] }` again.
 *
 * The `$id`s are documentation only: the validator compiler drops them (validation.ts).
 */
export const componentOptions: Pick<
  FastifyDynamicSwaggerOptions,
  'refResolver' | 'transform' | 'transformObject'
> = {
  refResolver: {
    buildLocalReference: (json, _baseUri, _fragment, i) =>
      typeof json['$id'] === 'string' ? json['$id'] : `def-${i}`,
  },
  transform: (({ schema, url }) => ({
    schema: wrapTopLevel(schema as Schema),
    url,
  })) as SwaggerTransform,
  transformObject: (documentObject) =>
    'openapiObject' in documentObject
      ? unwrapOperations(documentObject.openapiObject)
      : documentObject.swaggerObject,
};

function hasId(schema: unknown): schema is Schema {
  return (
    typeof schema === 'object' && schema !== null && typeof (schema as Schema)['$id'] === 'string'
  );
}

function wrapTopLevel(schema: Schema | undefined): Schema | undefined {
  if (schema === undefined) return schema;
  const result: Schema = { ...schema };
  if (hasId(schema['body'])) result['body'] = wrap(schema['body']);
  const response = schema['response'];
  if (typeof response === 'object' && response !== null) {
    result['response'] = Object.fromEntries(
      Object.entries(response).map(([status, value]) => [
        status,
        hasId(value) ? wrap(value) : value,
      ]),
    );
  }
  return result;
}

/** `description` stays on the wrapper: @fastify/swagger makes it the response's description. */
function wrap(schema: Schema): Schema {
  const description = schema['description'];
  return { allOf: [schema], ...(typeof description === 'string' ? { description } : {}) };
}

function unwrap(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) return schema;
  const keys = Object.keys(schema).filter((key) => key !== 'description');
  const allOf = (schema as Schema)['allOf'];
  if (keys.length === 1 && Array.isArray(allOf) && allOf.length === 1) {
    const only = allOf[0] as Schema;
    if (typeof only['$ref'] === 'string' && Object.keys(only).length === 1) return only;
  }
  return schema;
}

function unwrapContent(content: unknown): void {
  if (typeof content !== 'object' || content === null) return;
  for (const media of Object.values(content as Record<string, Schema>)) {
    media['schema'] = unwrap(media['schema']);
  }
}

function unwrapOperations(document: Schema): Schema {
  for (const item of Object.values((document['paths'] ?? {}) as Record<string, Schema>)) {
    for (const operation of Object.values(item) as Schema[]) {
      if (typeof operation !== 'object' || operation === null) continue;
      unwrapContent((operation['requestBody'] as Schema | undefined)?.['content']);
      for (const [status, response] of Object.entries(
        (operation['responses'] ?? {}) as Record<string, Schema>,
      )) {
        unwrapContent(response['content']);
        // @fastify/swagger's placeholder when the schema has no description.
        if (response['description'] === 'Default Response') {
          response['description'] = STATUS_CODES[Number(status)] ?? 'Response';
        }
      }
    }
  }
  return document;
}
