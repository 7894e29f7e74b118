import { describe, expect, it } from 'vitest';
import { withGatewayResponses } from './gateway-responses.ts';

const error = { $ref: '#/components/schemas/Error' };
const json = (schema: unknown) => ({ 'application/json': { schema } });

const service = {
  openapi: '3.1.0',
  paths: {
    '/v1/things': {
      post: {
        requestBody: { content: json({ type: 'object' }) },
        responses: {
          201: { description: 'Created', content: json({ type: 'object' }) },
          400: { description: 'Bad Request', content: json(error) },
          503: { description: 'Service Unavailable', content: json(error) },
        },
      },
      get: { responses: { 200: { description: 'OK' } } },
      delete: { responses: { 204: { description: 'No Content' } } },
    },
  },
  components: { schemas: { Error: { type: 'object' } } },
};

describe('withGatewayResponses', () => {
  const document = withGatewayResponses(service);
  const operations = document.paths?.['/v1/things'] as Record<
    string,
    { responses: Record<string, unknown> }
  >;

  it("adds the gateway's own answers to every operation, 413 and 415 where a body is read", () => {
    expect(Object.keys(operations['post']!.responses)).toEqual([
      '201',
      '400',
      '401',
      '413',
      '415',
      '429',
      '431',
      '502',
      '503',
      '504',
    ]);
    expect(Object.keys(operations['get']!.responses)).toEqual([
      '200',
      '401',
      '429',
      '431',
      '502',
      '503',
      '504',
    ]);
    // A DELETE documents no body, but one sent is read: over 1 MiB or not JSON, it is refused.
    expect(Object.keys(operations['delete']!.responses)).toEqual([
      '204',
      '401',
      '413',
      '415',
      '429',
      '431',
      '502',
      '503',
      '504',
    ]);
    expect(operations['delete']!.responses['413']).toEqual({
      $ref: '#/components/responses/PayloadTooLarge',
    });
    expect(operations['get']!.responses['401']).toEqual({
      $ref: '#/components/responses/Unauthorized',
    });
    expect(document.components?.['responses']).toHaveProperty([
      'RateLimited',
      'headers',
      'Retry-After',
    ]);
  });

  it("serves the service's errors in both media types with the Error schema", () => {
    expect(operations['post']!.responses['400']).toEqual({
      description: expect.stringContaining('error.details'),
      content: {
        'application/json': { schema: error },
        'application/problem+json': { schema: error },
      },
    });
    expect(operations['post']!.responses['201']).toEqual(
      service.paths['/v1/things'].post.responses[201],
    );
  });

  it('leaves its input alone', () => {
    expect(Object.keys(service.paths['/v1/things'].get.responses)).toEqual(['200']);
  });
});
