import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCustomer,
  customerOf,
  errorOf,
  startCustomerService,
  type TestService,
} from './support.ts';

describe('POST /v1/customers and POST /addcustomer', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startCustomerService('create');
  });
  afterAll(() => service.close());

  const post = (payload: unknown, url = '/v1/customers') =>
    service.app.inject({ method: 'POST', url, payload: payload as Record<string, unknown> });

  it('registers a Kolkata customer with normalized hours and delivery windows for the next 7 days', async () => {
    const response = await post({
      name: 'Asha Rao',
      workingHours: { timeZone: 'Asia/Kolkata', start: '10:00', end: '19:00' },
      phone: '+919876543210',
    });
    expect(response.statusCode).toBe(201);
    const customer = customerOf(response);
    expect(response.headers.location).toBe(`/v1/customers/${customer.id}`);
    expect(customer.id).toMatch(/^cus_[0-9A-Z]{26}$/);
    expect(customer).toMatchObject({
      name: 'Asha Rao',
      phone: '+919876543210',
      timeZone: 'Asia/Kolkata',
      reachable: true,
      warnings: [],
      createdAt: '2026-11-30T00:00:00.000Z',
      updatedAt: '2026-11-30T00:00:00.000Z',
      nextDeliveryAt: '2026-11-30T09:00:00.000Z',
      nextDeliveryAtLocal: '2026-11-30T14:30:00+05:30',
    });
    expect(customer.workingHours).toEqual({
      timeZone: 'Asia/Kolkata',
      weekly: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
          d,
          [{ start: '10:00', end: '19:00' }],
        ]),
      ),
      closures: [],
      overrides: {},
    });
    expect(customer.deliveryWindows).toHaveLength(5);
    expect(customer.deliveryWindows[0]).toEqual({
      start: '2026-11-30T09:00:00.000Z',
      end: '2026-11-30T13:30:00.000Z',
      startLocal: '2026-11-30T14:30:00+05:30',
      endLocal: '2026-11-30T19:00:00+05:30',
    });
    const read = await service.app.inject({ method: 'GET', url: `/v1/customers/${customer.id}` });
    expect(customerOf(read)).toEqual(customer);
  });

  it('accepts a phone written with spaces, dashes, dots or parentheses and stores + and digits', async () => {
    const response = await post({
      name: 'Formatted Phone',
      workingHours: { start: '10:00', end: '19:00' },
      phone: ' +91 (98765) 432.10 ',
    });
    expect(response.statusCode).toBe(201);
    expect(customerOf(response)).toMatchObject({
      phone: '+919876543210',
      warnings: expect.arrayContaining(['The phone was stored as "+919876543210" (+ and digits).']),
    });
  });

  it('answers the seed route /addcustomer exactly like /v1/customers', async () => {
    const response = await post(
      {
        name: 'Seed Route',
        workingHours: { start: '10:00', end: '19:00' },
        timeZone: 'Asia/Kolkata',
      },
      '/addcustomer',
    );
    expect(response.statusCode).toBe(201);
    expect(customerOf(response)).toMatchObject({
      name: 'Seed Route',
      timeZone: 'Asia/Kolkata',
      phone: null,
    });
  });

  it("reads hours without a zone in the business's zone and warns about it", async () => {
    const customer = await createCustomer(service.app, {
      name: 'No Zone',
      workingHours: { weekly: { mon: [{ start: '08:00', end: '12:00' }] } },
    });
    expect(customer.timeZone).toBe('Europe/London');
    expect(customer.deliveryWindows.map((w) => [w.start, w.end])).toEqual([
      ['2026-11-30T09:00:00.000Z', '2026-11-30T12:00:00.000Z'],
    ]);
    expect(customer.warnings).toContain(
      "No time zone given: the working hours are read in the business's zone (Europe/London).",
    );
  });

  it('registers a customer who can never be reached, with reachable false and a warning', async () => {
    const customer = await createCustomer(service.app, {
      name: 'Night Owl',
      workingHours: { timeZone: 'Europe/London', start: '20:00', end: '23:00' },
    });
    expect(customer.reachable).toBe(false);
    expect(customer.deliveryWindows).toEqual([]);
    expect(customer.nextDeliveryAt).toBeNull();
    expect(customer.warnings.join(' ')).toMatch(/do not overlap/);
  });

  it('stores the name trimmed and says so', async () => {
    const customer = await createCustomer(service.app, {
      name: '  Trimmed Name \t',
      workingHours: { timeZone: 'UTC', start: '09:00', end: '17:00' },
    });
    expect(customer.name).toBe('Trimmed Name');
    expect(customer.warnings).toContain(
      'The name was stored as "Trimmed Name" (trimmed, Unicode NFC).',
    );
  });

  it('refuses a second customer with the same name in another case or spacing: 409 with the existing id', async () => {
    const first = await createCustomer(service.app, {
      name: 'Élodie Martin',
      workingHours: { timeZone: 'Europe/Paris', start: '09:00', end: '17:00' },
    });
    for (const name of ['élodie martin', '  ÉLODIE MARTIN ', 'E\u0301lodie Martin']) {
      const response = await post({ name, workingHours: { start: '09:00', end: '17:00' } });
      expect(response.statusCode).toBe(409);
      expect(errorOf(response)).toMatchObject({ code: 'CUSTOMER_EXISTS', existingId: first.id });
      expect(errorOf(response).details[0]).toMatchObject({ field: 'name' });
    }
  });

  it('lets exactly one of two simultaneous creates with the same name win', async () => {
    for (let round = 0; round < 5; round++) {
      const before = await service.customerCount();
      const hours = { timeZone: 'UTC', start: '09:00', end: '17:00' };
      const [a, b] = await Promise.all([
        post({ name: `Racer ${round}`, workingHours: hours }),
        post({ name: ` racer ${round} `, workingHours: hours }, '/addcustomer'),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
      const winner = a.statusCode === 201 ? a : b;
      const loser = a.statusCode === 201 ? b : a;
      expect(errorOf(loser)).toMatchObject({
        code: 'CUSTOMER_EXISTS',
        existingId: customerOf(winner).id,
      });
      expect(await service.customerCount()).toBe(before + 1);
    }
  });

  const valid = {
    name: 'Valid Shape',
    workingHours: { timeZone: 'UTC', start: '09:00', end: '17:00' },
  };
  const badBodies: Array<[string, unknown, string]> = [
    [
      'an unknown time zone',
      { ...valid, workingHours: { ...valid.workingHours, timeZone: 'Mars/Olympus' } },
      'workingHours.timeZone',
    ],
    [
      'an unknown body time zone',
      { ...valid, workingHours: { start: '09:00', end: '17:00' }, timeZone: 'Asia/Kolkatta' },
      'timeZone',
    ],
    ['two different zones', { ...valid, timeZone: 'Asia/Kolkata' }, 'timeZone'],
    ['a UTC offset as zone', { ...valid, timeZone: '+05:30' }, 'timeZone'],
    ['25:00', { ...valid, workingHours: { start: '25:00', end: '26:00' } }, 'workingHours.start'],
    [
      '9:00',
      { ...valid, workingHours: { weekly: { mon: [{ start: '9:00', end: '17:00' }] } } },
      'workingHours.weekly.mon[0].start',
    ],
    [
      'start equal to end',
      { ...valid, workingHours: { weekly: { fri: [{ start: '10:00', end: '10:00' }] } } },
      'workingHours.weekly.fri[0].end',
    ],
    [
      'weekday key monday',
      { ...valid, workingHours: { weekly: { monday: [] } } },
      'workingHours.weekly.monday',
    ],
    [
      'an unknown shorthand day',
      { ...valid, workingHours: { start: '09:00', end: '17:00', days: ['mon', 'funday'] } },
      'workingHours.days[1]',
    ],
    [
      'a closure that is no date',
      { ...valid, workingHours: { ...valid.workingHours, closures: ['2026-02-30'] } },
      'workingHours.closures[0]',
    ],
    ['an extra property', { ...valid, colour: 'red' }, 'colour'],
    [
      'an extra property in a range',
      {
        ...valid,
        workingHours: { weekly: { mon: [{ start: '09:00', end: '10:00', note: 'x' }] } },
      },
      'workingHours.weekly.mon[0].note',
    ],
    ['a number as name', { ...valid, name: 42 }, 'name'],
    ['a blank name', { ...valid, name: '   ' }, 'name'],
    ['a missing name', { workingHours: valid.workingHours }, 'name'],
    ['missing working hours', { name: 'x' }, 'workingHours'],
    ['working hours as a string', { ...valid, workingHours: '09:00-17:00' }, 'workingHours'],
    ['a phone with a letter', { ...valid, phone: '+91 98765 4321O' }, 'phone'],
    ['a phone of 6 digits', { ...valid, phone: '+91 2345' }, 'phone'],
    ['a phone of 16 digits', { ...valid, phone: '+91 98765 43210 12345' }, 'phone'],
    ['a phone with a + inside', { ...valid, phone: '+91 +98765 43210' }, 'phone'],
    ['a phone without +', { ...valid, phone: '919876543210' }, 'phone'],
    ['a phone as a number', { ...valid, phone: 919876543210 }, 'phone'],
  ];

  it.each(badBodies)(
    'refuses %s with a 400 naming the field, writing nothing',
    async (_case, body, field) => {
      const before = await service.customerCount();
      const response = await post(body);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).code).toBe('VALIDATION_FAILED');
      expect(errorOf(response).details.map((d) => d.field)).toContain(field);
      expect(await service.customerCount()).toBe(before);
    },
  );

  it('refuses a body that is not JSON (400), and a non-JSON content type (415), writing nothing', async () => {
    const before = await service.customerCount();
    const broken = await service.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "x", ',
    });
    expect(broken.statusCode).toBe(400);
    expect(errorOf(broken).details[0]?.field).toBe('body');
    const text = await service.app.inject({
      method: 'POST',
      url: '/addcustomer',
      headers: { 'content-type': 'text/plain' },
      payload: 'name=x',
    });
    expect(text.statusCode).toBe(415);
    expect(errorOf(text)).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Content-Type must be application/json (got text/plain)',
      details: [{ field: 'content-type', in: 'headers' }],
    });
    // text/calendar has a parser in this service (the .ics import); it is still not JSON.
    const calendar = await service.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: { 'content-type': 'text/calendar' },
      payload: 'BEGIN:VCALENDAR',
    });
    expect(calendar.statusCode).toBe(415);
    expect(errorOf(calendar).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await service.customerCount()).toBe(before);
  });

  it('names an unknown shorthand key in the message, not the full form it is not', async () => {
    const response = await post({
      ...valid,
      workingHours: { start: '10:00', end: '19:00', foo: 1 },
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).message).toBe(
      'Invalid request body: workingHours.foo is not an allowed property',
    );
    const half = await post({ ...valid, workingHours: { start: '10:00' } });
    expect(errorOf(half).message).toBe('Invalid request body: workingHours.end is required');
  });

  it('refuses an unknown query parameter as it refuses an unknown property, writing nothing', async () => {
    const before = await service.customerCount();
    const response = await service.app.inject({
      method: 'POST',
      url: '/v1/customers?x=1',
      payload: valid,
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details).toEqual([
      { field: 'x', in: 'querystring', message: 'is not an allowed property' },
    ]);
    expect(await service.customerCount()).toBe(before);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const response = await post({ ...valid, name: 'x'.repeat(1024 * 1024 + 10) });
    expect(response.statusCode).toBe(413);
  });
});
