import { testMysqlUrl } from '@screenmagic/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, errorOf, startCustomerService, type TestService } from './support.ts';
import { TcpProxy } from './tcp-proxy.ts';

describe('when the database goes away and comes back', () => {
  const real = testMysqlUrl();
  const proxy = new TcpProxy({ host: real.hostname, port: Number(real.port || 3306) });
  let service: TestService;

  beforeAll(async () => {
    await proxy.start();
    const viaProxy = new URL(real);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    service = await startCustomerService('outage', { MYSQL_URL: viaProxy.toString() });
  });
  afterAll(async () => {
    await proxy.start().catch(() => undefined);
    await service.close();
    await proxy.stop();
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After, fails readiness, writes nothing, then recovers by itself', async () => {
    const before = await createCustomer(service.app, {
      name: 'Before Outage',
      workingHours: { timeZone: 'UTC', start: '09:00', end: '17:00' },
    });

    await proxy.stop();
    const read = await service.app.inject({ method: 'GET', url: `/v1/customers/${before.id}` });
    expect(read.statusCode).toBe(503);
    expect(read.headers['retry-after']).toBe('5');
    expect(errorOf(read).code).toBe('DATABASE_UNAVAILABLE');
    const create = await service.app.inject({
      method: 'POST',
      url: '/v1/customers',
      payload: {
        name: 'During Outage',
        workingHours: { timeZone: 'UTC', start: '09:00', end: '17:00' },
      },
    });
    expect(create.statusCode).toBe(503);
    expect(errorOf(create).code).toBe('DATABASE_UNAVAILABLE');
    const ready = await service.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect((await service.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const walk = await service.app.inject({ method: 'GET', url: '/internal/customers' });
    expect(walk.statusCode).toBe(503);

    await proxy.start();
    expect((await service.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const again = await service.app.inject({ method: 'GET', url: `/v1/customers/${before.id}` });
    expect(again.statusCode).toBe(200);
    expect(await service.customerCount()).toBe(1);
  });
});
