import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '@screenmagic/service-kit/contracts';
import type { ExplanationView } from '../src/schemas/explain.ts';
import { createCustomer, errorOf, startCustomerService, type TestService } from './support.ts';

const hours = { timeZone: 'Asia/Kolkata', start: '10:00', end: '22:00' };

describe('consent, phone lookup and explain (SPEC §5–6)', () => {
  let service: TestService;
  let optedOutByDefault: TestService;
  beforeAll(async () => {
    service = await startCustomerService('consent');
    optedOutByDefault = await startCustomerService('consentoff', {
      DEFAULT_MARKETING_CONSENT: 'false',
    });
  });
  afterAll(async () => {
    await service.close();
    await optedOutByDefault.close();
  });

  it('gives new customers DEFAULT_MARKETING_CONSENT (true unless configured), or the consent sent', async () => {
    expect(
      (await createCustomer(service.app, { name: 'C1', workingHours: hours })).consent,
    ).toEqual({
      marketing: true,
    });
    const off = await createCustomer(optedOutByDefault.app, { name: 'C2', workingHours: hours });
    expect(off.consent).toEqual({ marketing: false });
    const given = await createCustomer(optedOutByDefault.app, {
      name: 'C3',
      workingHours: hours,
      consent: { marketing: true },
    });
    expect(given.consent).toEqual({ marketing: true });
  });

  it('changes consent with PATCH, and refuses a consent that is not a boolean (400 naming it)', async () => {
    const customer = await createCustomer(service.app, { name: 'C4', workingHours: hours });
    const patched = await service.app.inject({
      method: 'PATCH',
      url: `/v1/customers/${customer.id}`,
      payload: { consent: { marketing: false } },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json<{ consent: unknown }>().consent).toEqual({ marketing: false });
    const bad = await service.app.inject({
      method: 'PATCH',
      url: `/v1/customers/${customer.id}`,
      payload: { consent: { marketing: 'no' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(errorOf(bad).details)).toContain('consent');
  });

  it('finds customers by phone after reducing both to + and digits, shared phones included', async () => {
    const a = await createCustomer(service.app, {
      name: 'P1',
      workingHours: hours,
      phone: '+919800000001',
    });
    // The same phone typed as people write it: stored reduced, so it is the same phone.
    const b = await createCustomer(service.app, {
      name: 'P2',
      workingHours: hours,
      phone: '+91 98000-00001',
    });
    expect(b.phone).toBe('+919800000001');
    const response = await service.app.inject({
      method: 'POST',
      url: '/internal/customers/lookup',
      payload: { phones: ['+91 98000-00001', '+10000000'] },
    });
    const body = response.json<{ items: CustomerRecord[]; missingPhones: string[] }>();
    expect(body.items.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(body.items[0]?.consent).toEqual({ marketing: true });
    expect(body.missingPhones).toEqual(['+10000000']);
  });

  it('sets consent through the internal route (an inbound STOP), 404 for an unknown customer', async () => {
    const customer = await createCustomer(service.app, { name: 'S1', workingHours: hours });
    const stop = await service.app.inject({
      method: 'POST',
      url: `/internal/customers/${customer.id}/consent`,
      payload: { marketing: false },
    });
    expect(stop.statusCode).toBe(200);
    expect(stop.json<CustomerRecord>().consent).toEqual({ marketing: false });
    // Setting it again to the same value is still a 200 (a repeated STOP).
    const again = await service.app.inject({
      method: 'POST',
      url: `/internal/customers/${customer.id}/consent`,
      payload: { marketing: false },
    });
    expect(again.statusCode).toBe(200);
    const missing = await service.app.inject({
      method: 'POST',
      url: '/internal/customers/cus_nope/consent',
      payload: { marketing: true },
    });
    expect(missing.statusCode).toBe(404);
  });

  it("explains a customer's window at an instant, default now, in their local time", async () => {
    const customer = await createCustomer(service.app, {
      name: 'E1',
      workingHours: {
        ...hours,
        closures: [{ from: '2026-12-21', to: '2027-01-03', name: 'Vacation' }],
      },
    });
    const vacation = await service.app.inject({
      method: 'GET',
      url: `/v1/customers/${customer.id}/explain?at=2026-12-22T10:00:00.000Z`,
    });
    expect(vacation.statusCode).toBe(200);
    expect(vacation.json<ExplanationView>()).toMatchObject({
      at: '2026-12-22T10:00:00.000Z',
      business: { open: true, reason: 'OPEN', localTime: '2026-12-22T10:00:00+00:00' },
      customer: { open: false, reason: 'CUSTOMER_CLOSURE', closure: 'Vacation' },
      window: { open: false, nextOpening: '2027-01-04T09:00:00.000Z' },
      text: 'Closed: 22 Dec is Vacation for you; next window Mon 4 Jan 14:30–22:00 your time',
    });
    // Default: the clock's now (Monday 30 Nov 00:00Z: the business is not open yet).
    const now = (
      await service.app.inject({ method: 'GET', url: `/v1/customers/${customer.id}/explain` })
    ).json<ExplanationView>();
    expect(now.at).toBe('2026-11-30T00:00:00.000Z');
    expect(now.business.reason).toBe('OUTSIDE_BUSINESS_HOURS');
    expect(now.window.nextOpening).toBe('2026-11-30T09:00:00.000Z');
  });

  it('answers 404 for an unknown customer and 400 for a bad at', async () => {
    const missing = await service.app.inject({ method: 'GET', url: '/v1/customers/cus_x/explain' });
    expect(missing.statusCode).toBe(404);
    const customer = await createCustomer(service.app, { name: 'E2', workingHours: hours });
    const bad = await service.app.inject({
      method: 'GET',
      url: `/v1/customers/${customer.id}/explain?at=tomorrow`,
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.[0]?.field).toBe('at');
  });
});
