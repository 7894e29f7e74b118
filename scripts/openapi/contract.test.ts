import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertValidOpenApi } from './validate-document.ts';

interface Operation {
  operationId?: string;
  deprecated?: boolean;
  requestBody?: unknown;
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, unknown>;
    responses: Record<string, Operation['responses'][string]>;
  };
}

// The committed document; CI's `pnpm openapi --check` proves it is what the code produces.
const document = JSON.parse(
  readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'),
) as Document;
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
);

describe('openapi.json', () => {
  it('is valid OpenAPI 3.1', async () => {
    await expect(assertValidOpenApi(document)).resolves.toBeUndefined();
  });

  it('is refused by the validator when it is broken', async () => {
    const broken = structuredClone(document) as unknown as Record<string, unknown>;
    delete broken['info'];
    await expect(assertValidOpenApi(broken)).rejects.toThrow(/not valid OpenAPI/);
    const dangling = structuredClone(document);
    dangling.paths['/v1/customers']!['get']!.responses['200'] = {
      $ref: '#/components/responses/Nope',
    };
    await expect(assertValidOpenApi(dangling)).rejects.toThrow();
  });

  it('gives every operation a unique operationId', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks exactly the seed routes deprecated', () => {
    const deprecated = operations.filter(({ operation }) => operation.deprecated === true);
    expect(deprecated.map(({ method, path }) => `${method} ${path}`).sort()).toEqual([
      'post /addcustomer',
      'post /incomings',
      'post /outgoings',
    ]);
  });

  it("documents 400 and the gateway's 401, 429 and 503 everywhere, 413 and 415 wherever a body is read", () => {
    for (const { path, method, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      // Every method but GET and HEAD reads a body, documented or not (DELETE, a retry POST).
      const readsBody = method !== 'get' && method !== 'head';
      // Every query string is strict, so an unknown parameter is a 400 anywhere.
      const expected = ['400', '401', '429', '503', ...(readsBody ? ['413', '415'] : [])];
      expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(expected));
    }
  });

  it('answers every error with the shared Error schema', () => {
    const errorRef = { $ref: '#/components/schemas/Error' };
    for (const { path, method, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        const resolved = response.$ref
          ? document.components.responses[response.$ref.split('/').pop()!]
          : response;
        expect(
          resolved?.content?.['application/json']?.schema,
          `${method} ${path} ${status}`,
        ).toEqual(errorRef);
      }
    }
    // Defined once.
    expect(JSON.stringify(document).match(/"requestId"/g)).toHaveLength(2);
  });

  it('leaves out health, readiness, docs, test-clock and internal routes', () => {
    expect(
      Object.keys(document.paths).filter((path) =>
        /^\/(healthz|readyz|docs|openapi|test|internal)/.test(path),
      ),
    ).toEqual([]);
  });
});
