/**
 * The library's closure ranges, overrides and holidays through the service's real request
 * validation (TypeBox schemas in Ajv, then parseSchedule): accepted and normalized, or a 400
 * naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerOf, errorOf, startCustomerService, type TestService } from './support.ts';

describe('workingHours with closure ranges, overrides and holidays', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startCustomerService('exceptions');
  });
  afterAll(() => service.close());

  const post = (payload: unknown) =>
    service.app.inject({
      method: 'POST',
      url: '/v1/customers',
      payload: payload as Record<string, unknown>,
    });
  const hours = { timeZone: 'Asia/Kolkata', start: '10:00', end: '19:00' };

  it('accepts them in the shorthand and answers them normalized', async () => {
    const response = await post({
      name: 'Vacationer',
      workingHours: {
        ...hours,
        closures: [
          { from: '2026-12-24', to: '2027-01-01', name: 'Vacation' },
          { from: '2026-12-10' },
        ],
        overrides: { '2026-12-05': [{ start: '10:00', end: '12:00' }], '2026-12-06': [] },
        holidays: { country: 'in', region: 'mh' },
      },
    });
    expect(response.statusCode).toBe(201);
    expect(customerOf(response).workingHours).toMatchObject({
      closures: ['2026-12-10', { from: '2026-12-24', to: '2027-01-01', name: 'Vacation' }],
      overrides: { '2026-12-05': [{ start: '10:00', end: '12:00' }], '2026-12-06': [] },
      holidays: { country: 'IN', region: 'MH' },
    });
  });

  it.each([
    [
      'a range ending before it starts',
      { closures: [{ from: '2026-12-24', to: '2026-12-20' }] },
      'workingHours.closures[0].to',
    ],
    [
      'an unknown closure property',
      { closures: [{ from: '2026-12-24', until: '2026-12-26' }] },
      'workingHours.closures[0].until',
    ],
    [
      'an override on no date',
      { overrides: { '2026-02-30': [] } },
      'workingHours.overrides.2026-02-30',
    ],
    [
      'an override key that is no date',
      { overrides: { christmas: [] } },
      'workingHours.overrides.christmas',
    ],
    [
      'a bad override range',
      { overrides: { '2026-12-24': [{ start: '09:00', end: '09:00' }] } },
      'workingHours.overrides.2026-12-24[0].end',
    ],
    [
      'a date closed and overridden',
      { closures: ['2026-12-24'], overrides: { '2026-12-24': [] } },
      'workingHours.overrides.2026-12-24',
    ],
    ['an unknown country', { holidays: { country: 'XX' } }, 'workingHours.holidays.country'],
    [
      'an unknown region',
      { holidays: { country: 'IN', region: 'ZZ' } },
      'workingHours.holidays.region',
    ],
  ])('refuses %s with a 400 naming the field', async (_case, extra, field) => {
    const before = await service.customerCount();
    const response = await post({ name: 'Refused', workingHours: { ...hours, ...extra } });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details.map((d) => d.field)).toContain(field);
    expect(await service.customerCount()).toBe(before);
  });
});
