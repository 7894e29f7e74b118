import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '@screenmagic/service-kit/contracts';
import { createCustomer, errorOf, startCustomerService, type TestService } from './support.ts';

interface WalkPage {
  items: CustomerRecord[];
  nextAfter: string | null;
}
interface Lookup {
  items: CustomerRecord[];
  missingIds: string[];
  missingNames: string[];
}

describe('internal customer API', () => {
  let service: TestService;
  const created: Array<{ id: string; name: string }> = [];
  beforeAll(async () => {
    service = await startCustomerService('internal');
    for (let i = 0; i < 11; i++) {
      const customer = await createCustomer(service.app, {
        name: `Walker ${i}`,
        workingHours: {
          timeZone: i % 2 === 0 ? 'Asia/Kolkata' : 'America/New_York',
          start: '09:00',
          end: '17:00',
        },
        ...(i === 0 ? { phone: '+919876543210' } : {}),
      });
      created.push({ id: customer.id, name: customer.name });
    }
  });
  afterAll(() => service.close());

  const walkPage = (query: string) =>
    service.app.inject({ method: 'GET', url: `/internal/customers?${query}` });
  const lookup = (payload: Record<string, unknown>) =>
    service.app.inject({ method: 'POST', url: '/internal/customers/lookup', payload });

  it('walks every customer exactly once in id order, whatever the page size', async () => {
    for (const limit of [1, 3, 11, 5000]) {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const response = await walkPage(`limit=${limit}${after === null ? '' : `&after=${after}`}`);
        expect(response.statusCode).toBe(200);
        const page = response.json<WalkPage>();
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items.map((c) => c.id));
        after = page.nextAfter;
        pages += 1;
      } while (after !== null && pages < 50);
      expect(seen).toEqual(created.map((c) => c.id).sort());
      expect(pages).toBe(Math.ceil(created.length / limit));
    }
  });

  it('gives the customer record of docs/architecture.md: normalized hours, zone, phone, updatedAt', async () => {
    const page = (await walkPage('limit=1')).json<WalkPage>();
    expect(page.items[0]).toEqual({
      id: created[0]?.id,
      name: 'Walker 0',
      phone: '+919876543210',
      consent: { marketing: true },
      timeZone: 'Asia/Kolkata',
      workingHours: {
        timeZone: 'Asia/Kolkata',
        weekly: Object.fromEntries(
          ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
            d,
            [{ start: '09:00', end: '17:00' }],
          ]),
        ),
        closures: [],
        overrides: {},
      },
      updatedAt: '2026-11-30T00:00:00.000Z',
    });
    expect(page.nextAfter).toBe(created[0]?.id);
  });

  it('refuses a page size over 5,000 naming limit', async () => {
    const response = await walkPage('limit=5001');
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details[0]?.field).toBe('limit');
  });

  it('looks customers up by id and by name (trimmed, any case), echoing what is missing as sent', async () => {
    const [a, b, c] = created;
    const response = await lookup({
      ids: [a?.id, 'cus_missing', a?.id],
      names: ['  WALKER 1 ', 'walker 2', 'Nobody Here', '   ', 'walker 0'],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<Lookup>();
    expect(body.items.map((i) => i.id).sort()).toEqual([a?.id, b?.id, c?.id].sort());
    expect(body.missingIds).toEqual(['cus_missing']);
    expect(body.missingNames).toEqual(['Nobody Here', '   ']);
  });

  it('answers an empty lookup with nothing, and refuses over 1,000 ids', async () => {
    expect((await lookup({})).json()).toEqual({
      items: [],
      missingIds: [],
      missingNames: [],
      missingPhones: [],
    });
    const tooMany = await lookup({ ids: Array.from({ length: 1001 }, (_, i) => `cus_${i}`) });
    expect(tooMany.statusCode).toBe(400);
    expect(errorOf(tooMany).details[0]?.field).toBe('ids');
  });

  it('refuses unknown properties in a lookup', async () => {
    const response = await lookup({ emails: ['x@example.com'] });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details[0]?.field).toBe('emails');
  });
});
