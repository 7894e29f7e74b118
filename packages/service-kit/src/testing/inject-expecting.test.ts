import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { injectExpecting } from './inject-expecting.ts';

describe('injectExpecting', () => {
  const app = Fastify();
  app.post('/things', (_request, reply) => reply.code(201).send({ id: 't1' }));
  app.get('/broken', (_request, reply) => reply.code(409).send({ error: { code: 'NOPE' } }));
  afterAll(() => app.close());

  it('returns the response when the status is the expected one', async () => {
    const response = await injectExpecting(app, 201, { method: 'POST', url: '/things' });
    expect(response.json()).toEqual({ id: 't1' });
  });

  it('throws naming the route, both statuses and the body otherwise', async () => {
    await expect(injectExpecting(app, 200, { method: 'GET', url: '/broken' })).rejects.toThrow(
      'GET /broken: expected 200, got 409 {"error":{"code":"NOPE"}}',
    );
  });
});
