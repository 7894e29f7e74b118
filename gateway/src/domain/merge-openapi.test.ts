import { describe, expect, it } from 'vitest';
import { mergeOpenApi, type OpenApiDocument } from './merge-openapi.ts';

const info = { title: 'screenmagic', version: '1.0.0' };

function document(
  paths: Record<string, unknown>,
  schemas: Record<string, unknown> = {},
): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: { title: 'service', version: '1' },
    paths,
    components: { schemas, securitySchemes: { other: { type: 'apiKey' } } },
  };
}

describe('mergeOpenApi', () => {
  it('keeps each service’s routed paths and the bearer scheme', () => {
    const merged = mergeOpenApi(
      [
        {
          service: 'customer',
          document: document({ '/v1/customers': { post: {} }, '/addcustomer': { post: {} } }),
        },
        { service: 'outgoing', document: document({ '/v1/broadcasts/{id}': { get: {} } }) },
        { service: 'incoming', document: document({ '/v1/orders': { post: {} } }) },
      ],
      info,
    );
    expect(Object.keys(merged.paths ?? {})).toEqual([
      '/addcustomer',
      '/v1/broadcasts/{id}',
      '/v1/customers',
      '/v1/orders',
    ]);
    expect(merged.components?.['securitySchemes']).toEqual({
      bearer: { type: 'http', scheme: 'bearer' },
    });
    expect(merged['security']).toEqual([{ bearer: [] }]);
    expect(merged.info).toEqual(info);
  });

  it('drops paths the gateway does not route to that service', () => {
    const merged = mergeOpenApi(
      [
        {
          service: 'customer',
          document: document({
            '/internal/customers/lookup': { post: {} },
            '/v1/orders': { get: {} },
            '/healthz': {},
          }),
        },
      ],
      info,
    );
    expect(merged.paths).toEqual({});
  });

  it('renames a component two services define differently and rewrites its references', () => {
    const ref = { $ref: '#/components/schemas/Item' };
    const merged = mergeOpenApi(
      [
        {
          service: 'customer',
          document: document(
            { '/v1/customers': { get: { schema: ref } } },
            { Item: { type: 'string' } },
          ),
        },
        {
          service: 'outgoing',
          document: document(
            { '/v1/messages/{id}': { get: { schema: ref } } },
            { Item: { type: 'number' } },
          ),
        },
      ],
      info,
    );
    expect(merged.components?.['schemas']).toEqual({
      Item: { type: 'string' },
      outgoing_Item: { type: 'number' },
    });
    expect(merged.paths?.['/v1/customers']).toEqual({ get: { schema: ref } });
    expect(merged.paths?.['/v1/messages/{id}']).toEqual({
      get: { schema: { $ref: '#/components/schemas/outgoing_Item' } },
    });
  });

  it('keeps one copy of a component that services share unchanged, and unions the tags', () => {
    const customer = {
      ...document({}, { Error: { type: 'object' } }),
      tags: [{ name: 'customers' }],
    };
    const outgoing = {
      ...document({}, { Error: { type: 'object' } }),
      tags: [{ name: 'broadcasts' }, { name: 'customers' }],
    };
    const merged = mergeOpenApi(
      [
        { service: 'customer', document: customer },
        { service: 'outgoing', document: outgoing },
      ],
      info,
    );
    expect(merged.components?.['schemas']).toEqual({ Error: { type: 'object' } });
    expect(merged.tags).toEqual([{ name: 'customers' }, { name: 'broadcasts' }]);
  });
});
