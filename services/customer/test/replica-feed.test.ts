import type { ReplicaChanges, ReplicaSnapshot } from '@screenmagic/service-kit/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, startCustomerService, type TestService } from './support.ts';

const HOURS = { timeZone: 'Europe/London', start: '09:00', end: '17:00' };

describe('customer replica feed', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startCustomerService('replica');
  });
  afterAll(() => service.close());

  const get = async <T>(url: string): Promise<T> => {
    const response = await service.app.inject({ method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };
  const changesAfter = (after: string, limit = 1_000) =>
    get<ReplicaChanges>(`/internal/customer-replica/changes?after=${after}&limit=${limit}`);
  const head = async () => (await changesAfter('0', 5_000)).lastSeq;

  it('records a change for every write a replica must see: create, hours, consent, phone, name, delete', async () => {
    const start = await head();
    const ada = await createCustomer(service.app, { name: 'Ada Feed', workingHours: HOURS });
    const created = await changesAfter(start);
    expect(created.items).toEqual([
      {
        id: ada.id,
        seq: created.lastSeq,
        customer: {
          name: 'Ada Feed',
          phone: null,
          consent: { marketing: true },
          timeZone: 'Europe/London',
          workingHours: expect.objectContaining({ timeZone: 'Europe/London' }),
        },
      },
    ]);
    const patches: Array<[object, (c: Record<string, unknown>) => unknown, unknown]> = [
      [{ workingHours: { ...HOURS, timeZone: 'Asia/Tokyo' } }, (c) => c['timeZone'], 'Asia/Tokyo'],
      [{ consent: { marketing: false } }, (c) => c['consent'], { marketing: false }],
      [{ phone: '+447700900123' }, (c) => c['phone'], '+447700900123'],
      [{ name: 'Ada Renamed' }, (c) => c['name'], 'Ada Renamed'],
    ];
    let after = created.lastSeq;
    for (const [payload, pick, expected] of patches) {
      const response = await service.app.inject({
        method: 'PATCH',
        url: `/v1/customers/${ada.id}`,
        payload,
      });
      expect(response.statusCode, response.body).toBe(200);
      const page = await changesAfter(after);
      expect(page.items).toHaveLength(1);
      expect(BigInt(page.lastSeq)).toBeGreaterThan(BigInt(after));
      expect(page.items[0]?.seq).toBe(page.lastSeq);
      expect(pick(page.items[0]?.customer as Record<string, unknown>)).toEqual(expected);
      after = page.lastSeq;
    }
    // An inbound START through the internal API.
    const consent = await service.app.inject({
      method: 'POST',
      url: `/internal/customers/${ada.id}/consent`,
      payload: { marketing: true },
    });
    expect(consent.statusCode).toBe(200);
    const started = await changesAfter(after);
    expect(started.items[0]?.customer?.consent).toEqual({ marketing: true });
    const deleted = await service.app.inject({ method: 'DELETE', url: `/v1/customers/${ada.id}` });
    expect(deleted.statusCode).toBe(204);
    const gone = await changesAfter(started.lastSeq);
    expect(gone.items).toEqual([{ id: ada.id, seq: gone.lastSeq, customer: null }]);
  });

  it('records nothing for a write that changes nothing a replica keeps', async () => {
    const bo = await createCustomer(service.app, { name: 'Bo Same', workingHours: HOURS });
    const before = await head();
    const response = await service.app.inject({
      method: 'PATCH',
      url: `/v1/customers/${bo.id}`,
      payload: { name: 'Bo Same' },
    });
    expect(response.statusCode).toBe(200);
    expect(await head()).toBe(before);
  });

  it('gives each customer once per page with its latest change, and says when there is more', async () => {
    const start = await head();
    const cy = await createCustomer(service.app, { name: 'Cy Twice', workingHours: HOURS });
    for (const marketing of [false, true, false]) {
      await service.app.inject({
        method: 'POST',
        url: `/internal/customers/${cy.id}/consent`,
        payload: { marketing },
      });
    }
    const all = await changesAfter(start);
    expect(all.more).toBe(false);
    expect(all.items).toHaveLength(1);
    expect(all.items[0]).toMatchObject({
      seq: all.lastSeq,
      customer: { consent: { marketing: false } },
    });
    const partial = await changesAfter(start, 2);
    expect(partial.more).toBe(true);
    // The entry is the customer now: its seq is its latest change, past the page's end.
    expect(BigInt(partial.items[0]?.seq ?? '0')).toBeGreaterThan(BigInt(partial.lastSeq));
  });

  it('walks every customer once by id, with the change head read before the page', async () => {
    const headSeq = await head();
    const seen: string[] = [];
    let after: string | null = null;
    let first: ReplicaSnapshot | undefined;
    do {
      const page: ReplicaSnapshot = await get<ReplicaSnapshot>(
        `/internal/customer-replica/snapshot?limit=1${after === null ? '' : `&after=${after}`}`,
      );
      first ??= page;
      seen.push(...page.items.map((item) => item.id));
      after = page.nextAfter;
    } while (after !== null);
    expect(first?.headSeq).toBe(headSeq);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    // Every live customer, and the deleted ones (the first test deleted one) as tombstones.
    expect(seen.length).toBeGreaterThan(await service.customerCount());
  });

  it('walks the deleted customers too, as tombstones at their last change', async () => {
    const walk = async (limit: number) => {
      const items: ReplicaSnapshot['items'] = [];
      let after: string | null = null;
      do {
        const page: ReplicaSnapshot = await get<ReplicaSnapshot>(
          `/internal/customer-replica/snapshot?limit=${limit}${after === null ? '' : `&after=${after}`}`,
        );
        expect(page.items.length).toBeLessThanOrEqual(limit);
        items.push(...page.items);
        after = page.nextAfter;
      } while (after !== null);
      return items;
    };
    const names = ['Del One', 'Keep Two', 'Del Three', 'Del Four'];
    const made: Array<{ id: string; name: string }> = [];
    for (const name of names)
      made.push(await createCustomer(service.app, { name, workingHours: HOURS }));
    const deletedIds = made.filter((c) => c.name.startsWith('Del')).map((c) => c.id);
    for (const id of deletedIds) {
      const response = await service.app.inject({ method: 'DELETE', url: `/v1/customers/${id}` });
      expect(response.statusCode).toBe(204);
    }
    const headSeq = await head();
    // Small pages, so tombstones and live customers share pages and page ends.
    for (const limit of [1, 2, 3, 1_000]) {
      const items = await walk(limit);
      const ids = items.map((item) => item.id);
      expect(ids).toEqual([...ids].sort());
      expect(new Set(ids).size).toBe(ids.length);
      expect(items.filter((item) => item.customer !== null)).toHaveLength(
        await service.customerCount(),
      );
      for (const id of deletedIds) {
        const entry = items.find((item) => item.id === id);
        expect(entry?.customer).toBeNull();
        expect(BigInt(entry?.seq ?? '0')).toBeGreaterThan(0n);
        expect(BigInt(entry?.seq ?? '0')).toBeLessThanOrEqual(BigInt(headSeq));
      }
      expect(items.find((item) => item.id === made[1]?.id)?.customer?.name).toBe('Keep Two');
    }
  });

  it('refuses a cursor that is not a sequence number, naming the field', async () => {
    const response = await service.app.inject({
      method: 'GET',
      url: '/internal/customer-replica/changes?after=abc',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('after');
  });
});
