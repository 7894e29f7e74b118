import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  client,
  type ErrorEnvelope,
  type NewCustomer,
  raw,
  setClock,
  uniqueName,
} from './support/client.ts';
import { startExtraGateway, type ExtraGateway } from './support/extra-gateway.ts';

const api = client();

// Monday 30 November 2026, 08:00 in London (GMT): the business opens at 09:00.
const MONDAY_8AM_LONDON = '2026-11-30T08:00:00.000Z';

describe('customers through the gateway', () => {
  beforeAll(async () => {
    await setClock(MONDAY_8AM_LONDON);
  });

  it('registers a customer with the seed route and answers their delivery windows', async () => {
    const name = uniqueName('Asha Rao');
    const { data: customer, response } = await api.POST('/addcustomer', {
      body: {
        name,
        workingHours: { timeZone: 'Asia/Kolkata', start: '09:00', end: '18:00' },
        phone: '+919876543210',
      },
    });
    expect(response.status).toBe(201);
    if (customer === undefined) throw new Error('no customer in the 201');
    expect(customer.id).toMatch(/^cus_/);
    expect(customer).toMatchObject({ name, timeZone: 'Asia/Kolkata', reachable: true });
    expect(customer.workingHours.timeZone).toBe('Asia/Kolkata');
    expect(Object.keys(customer.workingHours.weekly).sort()).toEqual([
      'fri',
      'mon',
      'sat',
      'sun',
      'thu',
      'tue',
      'wed',
    ]);
    expect(Array.isArray(customer.warnings)).toBe(true);
    // London 09:00–18:00 GMT ∩ Kolkata 09:00–18:00 IST (03:30–12:30Z) = 09:00–12:30Z.
    expect(customer.deliveryWindows[0]).toEqual({
      start: '2026-11-30T09:00:00.000Z',
      end: '2026-11-30T12:30:00.000Z',
      startLocal: '2026-11-30T14:30:00+05:30',
      endLocal: '2026-11-30T18:00:00+05:30',
    });
    // Monday to Friday only, within the next 7 days.
    expect(customer.deliveryWindows.map((window) => window.start.slice(0, 10))).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
    ]);

    const read = await api.GET('/v1/customers/{id}', { params: { path: { id: customer.id } } });
    expect(read.response.status).toBe(200);
    expect(read.data).toMatchObject({
      id: customer.id,
      name,
      deliveryWindows: customer.deliveryWindows,
    });
  });

  it('computes windows across zones on the other side of the business', async () => {
    const { data, response } = await api.POST('/v1/customers', {
      body: {
        name: uniqueName('Nina Park'),
        workingHours: { start: '09:00', end: '17:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
        timeZone: 'America/New_York',
      },
    });
    expect(response.status).toBe(201);
    // New York 09:00–17:00 EST is 14:00–22:00Z; the business closes at 18:00Z.
    expect(data?.deliveryWindows[0]).toEqual({
      start: '2026-11-30T14:00:00.000Z',
      end: '2026-11-30T18:00:00.000Z',
      startLocal: '2026-11-30T09:00:00-05:00',
      endLocal: '2026-11-30T13:00:00-05:00',
    });
  });

  it('marks a customer whose hours never meet the business’s as unreachable', async () => {
    const { data, response } = await api.POST('/v1/customers', {
      body: {
        name: uniqueName('Tama'),
        workingHours: { timeZone: 'Pacific/Auckland', start: '09:00', end: '17:00' },
      },
    });
    expect(response.status).toBe(201);
    expect(data?.reachable).toBe(false);
    expect(data?.deliveryWindows).toEqual([]);
  });

  it('answers 409 CUSTOMER_EXISTS for the same name in another case', async () => {
    const name = uniqueName('Duplicate');
    const hours = { start: '09:00', end: '17:00' };
    const first = await api.POST('/v1/customers', { body: { name, workingHours: hours } });
    expect(first.response.status).toBe(201);
    const again = await api.POST('/addcustomer', {
      body: { name: ` ${name.toUpperCase()} `, workingHours: hours },
    });
    expect(again.response.status).toBe(409);
    expect(again.error?.error.code).toBe('CUSTOMER_EXISTS');
  });

  it('answers 400 VALIDATION_FAILED naming the field for a bad request, through the gateway unchanged', async () => {
    // Deliberately outside the types: what a client without them could send.
    const missing = await api.POST('/addcustomer', {
      body: { name: uniqueName('No Hours') } as NewCustomer,
    });
    expect(missing.response.status).toBe(400);
    expect(missing.error?.error.code).toBe('VALIDATION_FAILED');
    expect(missing.error?.error.message).toContain('workingHours');
    expect(missing.error).toMatchObject({
      type: 'tag:screenmagic,2026:VALIDATION_FAILED',
      title: 'Bad Request',
      status: 400,
    });

    const extra = await api.POST('/addcustomer', {
      body: {
        name: uniqueName('Extra'),
        workingHours: { start: '09:00', end: '17:00' },
        nickname: 'x',
      } as NewCustomer,
    });
    expect(extra.response.status).toBe(400);
    expect(JSON.stringify(extra.error?.error)).toContain('nickname');

    const malformed = await call<ErrorEnvelope>('POST', '/addcustomer', { body: '{"name": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('publishes the business calendar', async () => {
    const { data, response } = await api.GET('/v1/business-calendar');
    expect(response.status).toBe(200);
    expect(data?.calendar.timeZone).toBe('Europe/London');
    expect(response.headers.get('etag')).toBe(`"${data?.version}"`);
  });
});

describe('the gateway in front of the services', () => {
  let limited: ExtraGateway;

  beforeAll(async () => {
    limited = await startExtraGateway({ RATE_LIMIT_PER_MINUTE: '3' });
  });

  afterAll(async () => {
    await limited?.stop();
  });

  it('answers 401 UNAUTHORIZED without a key or with a wrong one, before reaching a service', async () => {
    const name = uniqueName('Intruder');
    for (const apiKey of [null, 'not-the-key']) {
      const { error, response } = await client({ apiKey }).POST('/addcustomer', {
        body: { name, workingHours: { start: '09:00', end: '17:00' } },
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(error?.error.code).toBe('UNAUTHORIZED');
    }
    const list = await api.GET('/v1/customers', { params: { query: { name } } });
    expect(list.data?.items).toEqual([]);
  });

  it('answers 429 RATE_LIMITED with Retry-After once a key passes its limit', async () => {
    const statuses: number[] = [];
    let refused: { response: Response; error?: ErrorEnvelope } | undefined;
    const limitedApi = client({ baseUrl: limited.url });
    for (let i = 0; i < 4; i++) {
      const answer = await limitedApi.GET('/v1/business-calendar');
      statuses.push(answer.response.status);
      if (answer.response.status === 429) refused = answer;
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(refused?.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused?.error?.error.code).toBe('RATE_LIMITED');
    expect((await raw.get('/healthz', { baseUrl: limited.url, apiKey: null })).status).toBe(200);
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a body over 1 MiB', async () => {
    const { error, response } = await api.POST('/v1/customers', {
      body: { name: 'x'.repeat(1024 * 1024), workingHours: { start: '09:00', end: '17:00' } },
    });
    expect(response.status).toBe(413);
    expect(error?.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('keeps the caller’s request id end to end and generates one when absent', async () => {
    const path = { id: 'cus_does_not_exist' };
    const given = await api.GET('/v1/customers/{id}', {
      params: { path },
      headers: { 'x-request-id': 'e2e-trace-42' },
    });
    expect(given.response.status).toBe(404);
    expect(given.response.headers.get('x-request-id')).toBe('e2e-trace-42');
    // The body comes from the customer service: it saw the same id.
    expect(given.error?.requestId).toBe('e2e-trace-42');

    const generated = await api.GET('/v1/customers/{id}', { params: { path } });
    const id = generated.response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.error?.requestId).toBe(id);
  });

  it('never exposes /internal/*', async () => {
    for (const [method, path] of [
      ['POST', '/internal/customers/lookup'],
      ['GET', '/internal/customers'],
      ['POST', '/internal/test/clock'],
      ['POST', '/internal/messages'],
    ] as const) {
      const response = await call<ErrorEnvelope>(method, path, {
        ...(method === 'POST' ? { body: {} } : {}),
      });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('describes the services’ public API in one OpenAPI document, with no key needed', async () => {
    const response = await raw.get<{
      paths: Record<string, unknown>;
      components: Record<string, unknown>;
    }>('/openapi.json', { apiKey: null });
    expect(response.status).toBe(200);
    const paths = Object.keys(response.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/addcustomer', '/v1/customers', '/v1/customers/{id}']),
    );
    expect(paths.some((path) => path.startsWith('/internal'))).toBe(false);
    expect(response.body.components['securitySchemes']).toEqual({
      bearer: { type: 'http', scheme: 'bearer' },
    });

    const docs = await raw.get('/docs', { apiKey: null });
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger-ui');
  });
});
