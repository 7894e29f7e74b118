import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCustomerService, type TestService } from './support.ts';

interface Calendar {
  calendar: {
    timeZone: string;
    weekly: Record<string, Array<{ start: string; end: string }>>;
    closures: string[];
  };
  version: number;
  now: string;
  openNow: boolean;
  nextClosing: string | null;
  nextClosingLocal: string | null;
  nextOpening: string | null;
  nextOpeningLocal: string | null;
}

describe('GET /v1/business-calendar with the test clock', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startCustomerService('calendar', {
      TEST_CLOCK: '1',
      BUSINESS_CALENDAR: JSON.stringify({
        timeZone: 'Asia/Kolkata',
        weekly: {
          mon: [
            { start: '09:00', end: '13:00' },
            { start: '14:00', end: '18:00' },
          ],
          fri: [{ start: '09:00', end: '18:00' }],
        },
        closures: ['2026-12-04'],
      }),
    });
  });
  afterAll(() => service.close());

  const calendar = async () => {
    const response = await service.app.inject({ method: 'GET', url: '/v1/business-calendar' });
    expect(response.statusCode).toBe(200);
    return response.json<Calendar>();
  };
  const setClock = async (now: string) => {
    const response = await service.app.inject({
      method: 'POST',
      url: '/internal/test/clock',
      payload: { now },
    });
    expect(response.json()).toEqual({ now });
  };

  it('publishes the normalized calendar, with every weekday and the closures', async () => {
    const body = (await calendar()).calendar;
    expect(body.timeZone).toBe('Asia/Kolkata');
    expect(Object.keys(body.weekly)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(body.weekly['mon']).toHaveLength(2);
    expect(body.closures).toEqual(['2026-12-04']);
  });

  it('is closed before the Monday opening and names it in UTC and in the business zone', async () => {
    await setClock('2026-11-30T00:00:00.000Z'); // 05:30 IST
    expect(await calendar()).toMatchObject({
      now: '2026-11-30T00:00:00.000Z',
      openNow: false,
      nextClosing: null,
      nextOpening: '2026-11-30T03:30:00.000Z',
      nextOpeningLocal: '2026-11-30T09:00:00+05:30',
    });
  });

  it('is open at the Monday opening, closing for lunch, reopening after it', async () => {
    await setClock('2026-11-30T03:30:00.000Z');
    expect(await calendar()).toMatchObject({
      openNow: true,
      nextClosing: '2026-11-30T07:30:00.000Z',
      nextClosingLocal: '2026-11-30T13:00:00+05:30',
      nextOpening: '2026-11-30T08:30:00.000Z',
      nextOpeningLocal: '2026-11-30T14:00:00+05:30',
    });
  });

  it('skips the closed Friday and goes to the next Monday', async () => {
    await setClock('2026-11-30T13:00:00.000Z'); // Monday 18:30 IST
    expect(await calendar()).toMatchObject({
      openNow: false,
      nextOpeningLocal: '2026-12-07T09:00:00+05:30',
    });
  });

  it('moves backwards too, and runs no due work', async () => {
    await setClock('2026-11-01T00:00:00.000Z');
    expect((await calendar()).now).toBe('2026-11-01T00:00:00.000Z');
    const ran = await service.app.inject({ method: 'POST', url: '/internal/test/run-due' });
    expect(ran.json()).toEqual({ now: '2026-11-01T00:00:00.000Z', ran: {} });
  });
});

describe('service surface', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startCustomerService('surface');
  });
  afterAll(() => service.close());

  it('has no test clock routes without TEST_CLOCK', async () => {
    const response = await service.app.inject({
      method: 'POST',
      url: '/internal/test/clock',
      payload: { now: '2026-01-01T00:00:00Z' },
    });
    expect(response.statusCode).toBe(404);
  });

  it('is live and ready once migrated', async () => {
    expect((await service.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const ready = await service.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
  });

  it('publishes OpenAPI for the public routes only, with the schedule schema in the request body', async () => {
    const spec = (await service.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, { requestBody?: unknown; tags?: string[] }>>;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(Object.keys(spec.paths).sort()).toEqual([
      '/addcustomer',
      '/v1/business-calendar',
      '/v1/business-calendar/import',
      '/v1/customers',
      '/v1/customers/{id}',
      '/v1/customers/{id}/explain',
      '/v1/customers/{id}/windows',
    ]);
    const create = spec.paths['/v1/customers']?.['post'];
    expect(create?.tags).toEqual(['customers']);
    expect(create?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/NewCustomer' } } },
    });
    expect(spec.components.schemas['NewCustomer']).toMatchObject({
      properties: { workingHours: { $ref: '#/components/schemas/ScheduleInput' } },
    });
    expect(JSON.stringify(spec.components.schemas['ScheduleInput'])).toContain('"anyOf"');
  });
});
