import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerView } from '../src/schemas/customer.ts';
import {
  createCustomer,
  customerOf,
  errorOf,
  startCustomerService,
  type TestService,
} from './support.ts';

interface Page {
  items: CustomerView[];
  nextCursor: string | null;
}

interface Windows {
  customerId: string;
  timeZone: string;
  from: string;
  to: string;
  windows: Array<{ start: string; end: string; startLocal: string; endLocal: string }>;
}

describe('reading, listing, changing and deleting customers', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startCustomerService('crud');
  });
  afterAll(() => service.close());

  const hours = { timeZone: 'Asia/Kolkata', start: '10:00', end: '19:00' };

  it('answers 404 for an unknown id on read, change, delete and windows', async () => {
    for (const [method, url] of [
      ['GET', '/v1/customers/cus_nope'],
      ['PATCH', '/v1/customers/cus_nope'],
      ['DELETE', '/v1/customers/cus_nope'],
      ['GET', '/v1/customers/cus_nope/windows'],
    ] as const) {
      const response = await service.app.inject({
        method,
        url,
        ...(method === 'PATCH' ? { payload: { phone: null } } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(errorOf(response).code).toBe('NOT_FOUND');
    }
  });

  it('computes the windows of a read as of the clock, not as of the create', async () => {
    const created = await createCustomer(service.app, { name: 'Clockwork', workingHours: hours });
    service.clock.set(new Date('2026-12-04T12:00:00Z')); // Friday, inside the window
    try {
      const read = customerOf(
        await service.app.inject({ method: 'GET', url: `/v1/customers/${created.id}` }),
      );
      expect(read.deliveryWindows[0]).toMatchObject({
        start: '2026-12-04T12:00:00.000Z',
        end: '2026-12-04T13:30:00.000Z',
      });
      expect(read.deliveryWindows[1]?.start).toBe('2026-12-07T09:00:00.000Z');
      expect(read.createdAt).toBe('2026-11-30T00:00:00.000Z');
    } finally {
      service.clock.set(new Date('2026-11-30T00:00:00Z'));
    }
  });

  describe('listing', () => {
    const names = [
      'List Ann',
      'list bob',
      'List Cid',
      'Other Dee',
      'List Eve',
      'LIST Fay',
      'list_gus',
    ];
    let ids: string[] = [];
    beforeAll(async () => {
      ids = [];
      for (const name of names)
        ids.push((await createCustomer(service.app, { name, workingHours: hours })).id);
    });

    async function walk(query: string): Promise<CustomerView[]> {
      const seen: CustomerView[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 100; pages++) {
        const url: string = `/v1/customers?${query}${cursor === null ? '' : `&cursor=${cursor}`}`;
        const response = await service.app.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(200);
        const page = response.json<Page>();
        seen.push(...page.items);
        cursor = page.nextCursor;
        if (cursor === null) return seen;
      }
      throw new Error('the walk did not end');
    }

    it('walks every customer exactly once, in id order, page by page', async () => {
      const all = await walk('limit=2');
      const allIds = all.map((c) => c.id);
      expect(new Set(allIds).size).toBe(allIds.length);
      expect(allIds).toEqual([...allIds].sort());
      expect(allIds).toEqual(expect.arrayContaining(ids));
      expect(all.length).toBe(await service.customerCount());
      expect(all[0]?.deliveryWindows).toBeDefined();
    });

    it('finds one customer by exact name, case-insensitively and trimmed', async () => {
      expect((await walk(`name=${encodeURIComponent('  LIST ann ')}`)).map((c) => c.name)).toEqual([
        'List Ann',
      ]);
      expect(await walk('name=list')).toEqual([]);
    });

    it('filters by name prefix, case-insensitively and trimmed, across pages', async () => {
      const found = await walk(`limit=2&namePrefix=${encodeURIComponent('  list ')}`);
      expect(found.map((c) => c.name)).toEqual([
        'List Ann',
        'list bob',
        'List Cid',
        'List Eve',
        'LIST Fay',
        'list_gus',
      ]);
    });

    it('treats _ and % in the filter as plain characters', async () => {
      expect((await walk('namePrefix=list_')).map((c) => c.name)).toEqual(['list_gus']);
      expect(await walk('namePrefix=%25')).toEqual([]);
    });

    it('refuses a cursor it did not issue, and a limit out of range', async () => {
      const cursor = await service.app.inject({
        method: 'GET',
        url: '/v1/customers?cursor=garbage',
      });
      expect(cursor.statusCode).toBe(400);
      expect(errorOf(cursor).details[0]?.field).toBe('cursor');
      // A forged position ({"id":123}) and a cursor of another list read as no cursor before.
      const otherList = Buffer.from(
        JSON.stringify({ list: 'broadcasts', id: 'brd_01KBX0000000000000000000' }),
      ).toString('base64url');
      for (const forged of ['eyJpZCI6MTIzfQ', otherList]) {
        const response = await service.app.inject({
          method: 'GET',
          url: `/v1/customers?cursor=${forged}`,
        });
        expect(response.statusCode, forged).toBe(400);
        expect(errorOf(response).details[0]).toMatchObject({ field: 'cursor', in: 'querystring' });
      }
      const limit = await service.app.inject({ method: 'GET', url: '/v1/customers?limit=501' });
      expect(limit.statusCode).toBe(400);
      expect(errorOf(limit).details[0]?.field).toBe('limit');
    });
  });

  describe('changing', () => {
    const patch = (id: string, payload: Record<string, unknown>) =>
      service.app.inject({ method: 'PATCH', url: `/v1/customers/${id}`, payload });

    it('renames, keeps what is not named, and stamps updatedAt with the clock', async () => {
      const created = await createCustomer(service.app, {
        name: 'Before Rename',
        workingHours: hours,
        phone: '+14155550100',
      });
      service.clock.set(new Date('2026-12-01T08:00:00Z'));
      try {
        const response = await patch(created.id, { name: ' After Rename ' });
        expect(response.statusCode).toBe(200);
        const updated = customerOf(response);
        expect(updated).toMatchObject({
          id: created.id,
          name: 'After Rename',
          phone: '+14155550100',
          timeZone: 'Asia/Kolkata',
          workingHours: created.workingHours,
          createdAt: '2026-11-30T00:00:00.000Z',
          updatedAt: '2026-12-01T08:00:00.000Z',
        });
        expect(updated.warnings).toContain(
          'The name was stored as "After Rename" (trimmed, Unicode NFC).',
        );
        const read = customerOf(
          await service.app.inject({ method: 'GET', url: `/v1/customers/${created.id}` }),
        );
        expect(read.name).toBe('After Rename');
        expect(read.updatedAt).toBe('2026-12-01T08:00:00.000Z');
      } finally {
        service.clock.set(new Date('2026-11-30T00:00:00Z'));
      }
    });

    it('lets a customer change the case of their own name', async () => {
      const created = await createCustomer(service.app, {
        name: 'case change',
        workingHours: hours,
      });
      const response = await patch(created.id, { name: 'Case Change' });
      expect(response.statusCode).toBe(200);
      expect(customerOf(response).name).toBe('Case Change');
    });

    it("refuses a name another customer holds: 409 with that customer's id, nothing changed", async () => {
      const holder = await createCustomer(service.app, { name: 'Taken Name', workingHours: hours });
      const other = await createCustomer(service.app, { name: 'Wants Name', workingHours: hours });
      const response = await patch(other.id, { name: 'TAKEN name', phone: '+14155550111' });
      expect(response.statusCode).toBe(409);
      expect(errorOf(response)).toMatchObject({ code: 'CUSTOMER_EXISTS', existingId: holder.id });
      const read = customerOf(
        await service.app.inject({ method: 'GET', url: `/v1/customers/${other.id}` }),
      );
      expect(read).toMatchObject({ name: 'Wants Name', phone: null });
    });

    it('lets only one of two simultaneous renames to the same name win', async () => {
      const first = await createCustomer(service.app, { name: 'Renamer One', workingHours: hours });
      const second = await createCustomer(service.app, {
        name: 'Renamer Two',
        workingHours: hours,
      });
      const [a, b] = await Promise.all([
        patch(first.id, { name: 'Renamed Same' }),
        patch(second.id, { name: 'renamed same' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    });

    it('clears the phone with null and sets it, stored as + and digits however it was written', async () => {
      const created = await createCustomer(service.app, {
        name: 'Phone Owner',
        workingHours: hours,
        phone: '+919876543210',
      });
      expect(customerOf(await patch(created.id, { phone: null })).phone).toBeNull();
      expect(customerOf(await patch(created.id, { phone: '+49 151-1234 5678' })).phone).toBe(
        '+4915112345678',
      );
    });

    it('moves the same wall-clock hours to a new zone when only timeZone changes', async () => {
      const created = await createCustomer(service.app, {
        name: 'Zone Mover',
        workingHours: hours,
      });
      const moved = customerOf(await patch(created.id, { timeZone: 'Europe/London' }));
      expect(moved.timeZone).toBe('Europe/London');
      expect(moved.workingHours.weekly).toEqual(created.workingHours.weekly);
      expect(moved.deliveryWindows[0]).toMatchObject({
        start: '2026-11-30T10:00:00.000Z',
        end: '2026-11-30T18:00:00.000Z',
      });
    });

    it("reads new working hours without a zone in the customer's current zone", async () => {
      const created = await createCustomer(service.app, {
        name: 'Hours Changer',
        workingHours: hours,
      });
      const changed = customerOf(
        await patch(created.id, { workingHours: { start: '14:00', end: '16:00', days: ['tue'] } }),
      );
      expect(changed.timeZone).toBe('Asia/Kolkata');
      expect(changed.deliveryWindows.map((w) => [w.startLocal, w.endLocal])).toEqual([
        ['2026-12-01T14:30:00+05:30', '2026-12-01T16:00:00+05:30'],
      ]);
    });

    it('refuses bad changes with a 400 naming the field and changes nothing', async () => {
      const created = await createCustomer(service.app, { name: 'Stays Put', workingHours: hours });
      const cases: Array<[Record<string, unknown>, string]> = [
        [{}, 'body'],
        [{ name: '' }, 'name'],
        [{ workingHours: { start: '10:00', end: '10:00' } }, 'workingHours.end'],
        [{ workingHours: { weekly: { monday: [] } } }, 'workingHours.weekly.monday'],
        [{ timeZone: 'Nowhere/Land' }, 'timeZone'],
        [{ workingHours: { ...hours }, timeZone: 'Europe/Paris' }, 'timeZone'],
        [{ phone: '12' }, 'phone'],
        [{ id: 'cus_other' }, 'id'],
      ];
      for (const [body, field] of cases) {
        const response = await patch(created.id, body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(errorOf(response).details.map((d) => d.field)).toContain(field);
      }
      const read = customerOf(
        await service.app.inject({ method: 'GET', url: `/v1/customers/${created.id}` }),
      );
      expect(read).toMatchObject({
        name: 'Stays Put',
        timeZone: 'Asia/Kolkata',
        updatedAt: created.updatedAt,
      });
    });
  });

  it('deletes a customer: 204, then 404 on read and on a second delete', async () => {
    const created = await createCustomer(service.app, { name: 'Goes Away', workingHours: hours });
    const url = `/v1/customers/${created.id}`;
    const deleted = await service.app.inject({ method: 'DELETE', url });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await service.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await service.app.inject({ method: 'DELETE', url })).statusCode).toBe(404);
    // The name is free again.
    await createCustomer(service.app, { name: 'goes away', workingHours: hours });
  });

  describe('GET /v1/customers/{id}/windows', () => {
    let id = '';
    beforeAll(async () => {
      id = (await createCustomer(service.app, { name: 'Window Watcher', workingHours: hours })).id;
    });
    const windows = (query = '') =>
      service.app.inject({ method: 'GET', url: `/v1/customers/${id}/windows${query}` });

    it('defaults to the 7 days from now', async () => {
      const response = await windows();
      expect(response.statusCode).toBe(200);
      const body = response.json<Windows>();
      expect(body).toMatchObject({
        customerId: id,
        timeZone: 'Asia/Kolkata',
        from: '2026-11-30T00:00:00.000Z',
        to: '2026-12-07T00:00:00.000Z',
      });
      expect(body.windows).toHaveLength(5);
    });

    it('clips the windows to the range asked for', async () => {
      const body = (
        await windows('?from=2026-12-01T10:00:00Z&to=2026-12-02T10:00:00Z')
      ).json<Windows>();
      expect(body.windows).toEqual([
        {
          start: '2026-12-01T10:00:00.000Z',
          end: '2026-12-01T13:30:00.000Z',
          startLocal: '2026-12-01T15:30:00+05:30',
          endLocal: '2026-12-01T19:00:00+05:30',
        },
        {
          start: '2026-12-02T09:00:00.000Z',
          end: '2026-12-02T10:00:00.000Z',
          startLocal: '2026-12-02T14:30:00+05:30',
          endLocal: '2026-12-02T15:30:00+05:30',
        },
      ]);
    });

    it("gives each side's own hours, named closures and DST changes, for a timeline", async () => {
      const traveller = await createCustomer(service.app, {
        name: 'Side By Side',
        workingHours: {
          timeZone: 'Asia/Kolkata',
          start: '10:00',
          end: '19:00',
          closures: [{ from: '2027-03-24', name: 'Holi trip' }],
        },
      });
      const response = await service.app.inject({
        method: 'GET',
        url: `/v1/customers/${traveller.id}/windows?from=2027-03-22T00:00:00Z&to=2027-03-29T00:00:00Z`,
      });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.business.timeZone).toBe('Europe/London');
      expect(body.business.open).toHaveLength(5);
      expect(body.business.open[0]).toEqual({
        start: '2027-03-22T09:00:00.000Z',
        end: '2027-03-22T18:00:00.000Z',
        startLocal: '2027-03-22T09:00:00+00:00',
        endLocal: '2027-03-22T18:00:00+00:00',
      });
      expect(body.business.offsetChanges).toEqual([
        {
          at: '2027-03-28T01:00:00.000Z',
          atLocal: '2027-03-28T02:00:00+01:00',
          offsetBefore: '+00:00',
          offsetAfter: '+01:00',
        },
      ]);
      expect(body.customer.timeZone).toBe('Asia/Kolkata');
      expect(body.customer.open).toHaveLength(6); // every day but the 24th
      expect(body.customer.offsetChanges).toEqual([]);
      expect(body.customer.closures).toEqual([
        {
          from: '2027-03-24',
          to: '2027-03-24',
          name: 'Holi trip',
          kind: 'closure',
          start: '2027-03-23T18:30:00.000Z',
          end: '2027-03-24T18:30:00.000Z',
        },
      ]);
      // The intersection: Mon, Tue, Thu, Fri 09:00–13:30 UTC (14:30–19:00 in Kolkata).
      expect((body as Windows).windows.map((w) => w.start)).toEqual([
        '2027-03-22T09:00:00.000Z',
        '2027-03-23T09:00:00.000Z',
        '2027-03-25T09:00:00.000Z',
        '2027-03-26T09:00:00.000Z',
      ]);
    });

    it('covers up to 31 days', async () => {
      const body = (
        await windows('?from=2026-12-01T00:00:00Z&to=2027-01-01T00:00:00Z')
      ).json<Windows>();
      expect(body.windows).toHaveLength(23);
    });

    it('refuses a range that is backwards, too long, or not made of instants, naming the field', async () => {
      for (const [query, field] of [
        ['?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', 'to'],
        ['?to=2027-01-01T00:00:01Z', 'to'],
        ['?from=tomorrow', 'from'],
        ['?from=2026-12-01', 'from'],
        ['?window=1', 'window'],
      ] as const) {
        const response = await windows(query);
        expect(response.statusCode, query).toBe(400);
        expect(errorOf(response).details[0]?.field, query).toBe(field);
      }
    });
  });
});
