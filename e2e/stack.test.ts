import { describe, expect, it } from 'vitest';
import { type ErrorEnvelope, raw, setClock, stack } from './support/client.ts';

describe('the stack as pnpm start runs it', () => {
  it('is live and ready behind the gateway', async () => {
    expect((await raw.get('/healthz', { apiKey: null })).status).toBe(200);
    const ready = await raw.get('/readyz', { apiKey: null });
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      checks: { customer: 'ok', outgoing: 'ok', incoming: 'ok' },
    });
  });

  it('moves the test clock of every service and reports the work each ran', async () => {
    const answer = await setClock('2026-11-30T09:30:00.000Z');
    expect(answer.now).toBe('2026-11-30T09:30:00.000Z');
    expect(Object.keys(answer.ran).sort()).toEqual(['incoming', 'outgoing']);
  });

  it('answers 400 for a test clock request without an instant', async () => {
    const response = await raw.post<ErrorEnvelope>('/test/clock', { now: 'soon' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('asks for an API key on the test clock, as on every other route', async () => {
    const response = await raw.post<ErrorEnvelope>(
      '/test/clock',
      { now: '2026-11-30T09:30:00.000Z' },
      { apiKey: null },
    );
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHORIZED');
  });

  it('lets only holders of INTERNAL_TOKEN into a service’s /internal/* routes', async () => {
    const { serviceUrls, internalToken } = stack();
    const internal = (base: string, path: string, authorization?: string) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization === undefined ? {} : { authorization }),
        },
        body: JSON.stringify({ now: '2026-11-30T09:30:00.000Z' }),
      });
    for (const base of Object.values(serviceUrls)) {
      const missing = await internal(base, '/internal/test/clock');
      expect(missing.status, base).toBe(401);
      expect(await missing.json()).toMatchObject({
        error: { code: 'UNAUTHORIZED' },
        requestId: expect.any(String),
      });
      const wrong = await internal(base, '/internal/test/clock', 'Bearer not-the-token-0123456789');
      expect(wrong.status, base).toBe(401);
      const right = await internal(base, '/internal/test/clock', `Bearer ${internalToken}`);
      expect(right.status, base).toBe(200);
      for (const path of ['/healthz', '/readyz']) {
        expect((await fetch(`${base}${path}`)).status, `${base}${path}`).toBe(200);
      }
    }
  });

  it('hands the tests the running stack', () => {
    const { gatewayUrl, webhookUrl, databasePrefix } = stack();
    expect(gatewayUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(webhookUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(databasePrefix).toMatch(/^t_e2e_/);
  });
});
