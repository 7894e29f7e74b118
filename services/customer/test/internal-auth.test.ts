import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { INTERNAL_AUTH_HEADERS, TEST_INTERNAL_TOKEN } from '@screenmagic/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONDAY, startCustomerService, type TestService } from './support.ts';

const run = promisify(execFile);
const serviceDir = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('the customer service with INTERNAL_TOKEN', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startCustomerService('intauth', {
      INTERNAL_TOKEN: TEST_INTERNAL_TOKEN,
      TEST_CLOCK: '1',
    });
  });
  afterAll(() => service?.close());

  const internalRoutes = [
    { method: 'GET', url: '/internal/customers' },
    { method: 'POST', url: '/internal/customers/lookup', payload: { ids: [] } },
    { method: 'POST', url: '/internal/test/clock', payload: { now: MONDAY } },
  ] as const;

  it('answers 401 in the error envelope to an /internal/* request without the token', async () => {
    for (const route of internalRoutes) {
      const response = await service.app.inject(route);
      expect(response.statusCode, route.url).toBe(401);
      expect(response.json(), route.url).toMatchObject({
        error: { code: 'UNAUTHORIZED', message: expect.any(String) as unknown, details: [] },
        requestId: expect.any(String) as unknown,
        status: 401,
      });
    }
  });

  it('answers 401 to a wrong token', async () => {
    for (const route of internalRoutes) {
      const response = await service.app.inject({
        ...route,
        headers: { authorization: `Bearer ${TEST_INTERNAL_TOKEN}-not` },
      });
      expect(response.statusCode, route.url).toBe(401);
    }
  });

  it('serves /internal/* with the token', async () => {
    for (const route of internalRoutes) {
      const response = await service.app.inject({ ...route, headers: INTERNAL_AUTH_HEADERS });
      expect(response.statusCode, route.url).toBe(200);
    }
  });

  it('keeps /healthz and /readyz open', async () => {
    for (const url of ['/healthz', '/readyz']) {
      expect((await service.app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
  });
});

describe('starting in production', () => {
  it('refuses to start without INTERNAL_TOKEN, naming it (exit 78)', async () => {
    const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], NODE_ENV: 'production', PORT: '0' };
    // Killed after the timeout: a service that wrongly starts must not outlive the test.
    const failure = run(process.execPath, ['src/server.ts'], {
      cwd: serviceDir,
      env,
      timeout: 20_000,
    });
    await expect(failure).rejects.toMatchObject({
      code: 78,
      stderr: expect.stringMatching(/customer: invalid configuration: INTERNAL_TOKEN: required/),
    });
  });
});
