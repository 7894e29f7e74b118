import Type from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponses } from '../schemas/common.ts';
import { type App, createApp } from './create-app.ts';

const Part = Type.Object({ sku: Type.String() }, { $id: 'Part' });
const Thing = Type.Object(
  { name: Type.String(), parts: Type.Array(Part), spare: Part },
  { $id: 'Thing', additionalProperties: false },
);
const NewThing = Type.Object(
  {
    name: Type.String(),
    parts: Type.Array(Part),
    // The same component, described for this place: a different schema with the same $id.
    spare: Type.Optional({ ...Part, description: 'A part kept in reserve' }),
  },
  { $id: 'NewThing', additionalProperties: false },
);

interface Document {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

describe('OpenAPI components from $id', () => {
  let app: App;
  let document: Document;

  beforeAll(async () => {
    app = await createApp({ logger: false, openapi: { title: 'test' } });
    // The same $id'd schemas in two routes, and twice (differently described) in one body:
    // Ajv refuses two different schemas with one $id, so it never sees them.
    for (const url of ['/things', '/alias']) {
      app.post(
        url,
        {
          schema: {
            operationId: url === '/things' ? 'createThing' : 'createThingAlias',
            body: NewThing,
            response: { 201: Thing, ...errorResponses(400) },
          },
        },
        async (request, reply) =>
          reply.code(201).send({ spare: { sku: 'spare' }, ...request.body }),
      );
    }
    await app.ready();
    document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<Document>();
  });
  afterAll(() => app.close());

  it('makes each named schema one component, referenced by every route', () => {
    expect(Object.keys(document.components.schemas).sort()).toEqual([
      'Error',
      'NewThing',
      'Part',
      'Thing',
    ]);
    const create = document.paths['/things']?.['post'];
    expect(create?.['operationId']).toBe('createThing');
    expect(create?.['requestBody']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/NewThing' } } },
    });
    expect(create?.['responses']).toMatchObject({
      201: {
        description: 'Created',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
      },
      400: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    });
    expect(document.components.schemas['Thing']?.['properties']).toMatchObject({
      parts: { items: { $ref: '#/components/schemas/Part' } },
      spare: { $ref: '#/components/schemas/Part' },
    });
  });

  it('still validates and serializes with the named schemas', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/alias',
      payload: { name: 'a', parts: [{ sku: 'x' }] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ name: 'a', parts: [{ sku: 'x' }], spare: { sku: 'spare' } });
    const invalid = await app.inject({
      method: 'POST',
      url: '/things',
      payload: { name: 'a', parts: [{ sku: 1 }] },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ error: { details: [{ field: 'parts[0].sku' }] } });
  });
});
