import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  clearDeliveries,
  client,
  type Delivery,
  deliveryLog,
  setClock,
  uniqueName,
} from './support/client.ts';

// Every test here changes the one business calendar the whole run shares: each works in
// 2027 (far from the other files' instants) and the calendar is put back after each.
const api = client();
const payment = { method: 'upi', amount: '499.00', currency: 'INR' };
const allDay = { start: '00:00', end: '24:00' };
let original: Record<string, unknown>;

beforeAll(async () => {
  const { data } = await api.GET('/v1/business-calendar');
  original = data!.calendar;
});

afterEach(async () => {
  const restored = await call('PUT', '/v1/business-calendar', { body: original });
  expect(restored.status).toBe(200);
});

async function calendarWith(change: Record<string, unknown>): Promise<number> {
  const current = await api.GET('/v1/business-calendar');
  const { response, data } = await api.PUT('/v1/business-calendar', {
    body: { ...original, ...change } as never,
    params: { header: { 'if-match': current.response.headers.get('etag') ?? '' } },
  });
  expect(response.status).toBe(200);
  return data!.version;
}

async function addCustomer(label: string, workingHours: object) {
  const { data, response } = await api.POST('/v1/customers', {
    body: { name: uniqueName(label), workingHours: workingHours as never },
  });
  expect(response.status).toBe(201);
  return data!;
}

const getMessage = async (id: string) =>
  (await api.GET('/v1/messages/{id}', { params: { path: { id } } })).data!;
const getOrder = async (orderId: string) =>
  (await api.GET('/v1/orders/{orderId}', { params: { path: { orderId } } })).data!;

async function deliveriesTo(customerIds: readonly string[]): Promise<Delivery[]> {
  const { deliveries } = await deliveryLog();
  const mine = deliveries.filter((d) => customerIds.includes(String(d.body['customerId'])));
  return [...new Map(mine.map((d) => [d.body['messageId'], d])).values()];
}

async function placeOrder(customer: string, placedAt?: string) {
  const orderId = uniqueName('cal').replace(' ', '-');
  const { data, response } = await api.POST('/v1/orders', {
    body: { customer, orderId, productId: 'SKU-7', payment, ...(placedAt ? { placedAt } : {}) },
  });
  return { orderId, status: response.status, order: data! };
}

describe('the business calendar changed at run time', () => {
  it('moves Monday’s messages and orders to Tuesday when Monday becomes a holiday on Friday, and tells each customer once', async () => {
    const friday = '2027-03-05T20:00:00.000Z'; // after closing
    const monday10 = '2027-03-08T10:00:00.000Z';
    const tuesday9 = '2027-03-09T09:00:00.000Z';
    await setClock('2027-03-05T12:00:00.000Z');
    const london = await addCustomer('Holiday London', { ...allDay, timeZone: 'Europe/London' });
    const kolkata = await addCustomer('Holiday Kolkata', {
      timeZone: 'Asia/Kolkata',
      start: '09:00',
      end: '22:00',
    });
    const broadcast = await api.POST('/v1/broadcasts', {
      body: { message: 'Monday news', customerIds: [london.id, kolkata.id], sendAt: monday10 },
    });
    expect(broadcast.response.status).toBe(202);
    const messageIds = broadcast.data!.recipients.map((r) => r.messageId);
    await setClock(friday);
    const orders = [await placeOrder(london.name), await placeOrder(kolkata.name)];
    for (const { status, order } of orders) {
      expect(status).toBe(202);
      expect(order.processingAt).toBe('2027-03-08T09:00:00.000Z');
    }

    await calendarWith({ closures: [{ from: '2027-03-08', name: 'Founders Day' }] });
    await clearDeliveries();
    // The test clock first brings every service to the new version, re-planning done.
    await setClock('2027-03-05T20:00:01.000Z');
    for (const id of messageIds) {
      expect(await getMessage(id)).toMatchObject({ status: 'scheduled', scheduledFor: tuesday9 });
    }
    for (const { orderId } of orders) {
      const order = await getOrder(orderId);
      expect(order.processingAt).toBe(tuesday9);
      expect(order.processingAtHistory.map((h) => [h.processingAt, h.reason])).toEqual([
        ['2027-03-08T09:00:00.000Z', 'PLACED'],
        [tuesday9, 'CALENDAR_CHANGED'],
      ]);
    }

    // Monday: nothing at all reaches these customers.
    for (const at of ['2027-03-08T09:00:00.000Z', monday10, '2027-03-08T17:59:00.000Z']) {
      await setClock(at);
    }
    expect(await deliveriesTo([london.id, kolkata.id])).toEqual([]);
    for (const { orderId } of orders) expect((await getOrder(orderId)).status).toBe('pending');

    await setClock(tuesday9);
    const delivered = await deliveriesTo([london.id, kolkata.id]);
    const corrections = delivered.filter((d) => d.body['kind'] === 'order-update');
    expect(corrections.map((d) => [d.body['customerId'], d.body['orderId']]).sort()).toEqual(
      [
        [london.id, orders[0]!.orderId],
        [kolkata.id, orders[1]!.orderId],
      ].sort(),
    );
    const textOf = (id: string) =>
      String(corrections.find((d) => d.body['customerId'] === id)?.body['text']);
    expect(textOf(london.id)).toContain('processed on Tuesday 9 March at 09:00 your time');
    expect(textOf(kolkata.id)).toContain('processed on Tuesday 9 March at 14:30 your time');
    expect(delivered.filter((d) => d.body['kind'] === 'broadcast')).toHaveLength(2);
    for (const d of delivered) expect(d.body['sentAt']).toBe(tuesday9);
    for (const { orderId } of orders) expect((await getOrder(orderId)).status).toBe('confirmed');
  });

  it('sends one correction, with the latest time, when an order is re-planned twice before the customer is told', async () => {
    await setClock('2027-04-09T19:00:00.000Z'); // Friday evening
    const customer = await addCustomer('Twice', { ...allDay, timeZone: 'Europe/London' });
    const { orderId } = await placeOrder(customer.name);
    await calendarWith({ closures: [{ from: '2027-04-12', name: 'First change' }] });
    await setClock('2027-04-09T19:00:01.000Z');
    await calendarWith({
      closures: [{ from: '2027-04-12', name: 'First change' }],
      overrides: { '2027-04-13': [{ start: '11:00', end: '18:00' }] },
    });
    await clearDeliveries();
    await setClock('2027-04-09T19:00:02.000Z');
    expect((await getOrder(orderId)).processingAtHistory.map((h) => h.processingAt)).toEqual([
      '2027-04-12T08:00:00.000Z',
      '2027-04-13T08:00:00.000Z',
      '2027-04-13T10:00:00.000Z',
    ]);
    await setClock('2027-04-13T10:00:00.000Z');
    const corrections = (await deliveriesTo([customer.id])).filter(
      (d) => d.body['kind'] === 'order-update',
    );
    expect(corrections).toHaveLength(1);
    expect(String(corrections[0]?.body['text'])).toContain('Tuesday 13 April at 11:00 your time');
  });

  it('holds a broadcast after Christmas Eve’s special hours (09:00–13:00) and confirms orders only inside them', async () => {
    await calendarWith({ overrides: { '2027-12-24': [{ start: '09:00', end: '13:00' }] } });
    await setClock('2027-12-24T12:59:00.000Z');
    const customer = await addCustomer('Eve', { ...allDay, timeZone: 'Europe/London' });
    const early = await placeOrder(customer.name);
    expect(early.status).toBe(201);
    expect(early.order.status).toBe('confirmed');
    await setClock('2027-12-24T13:00:00.000Z');
    const late = await placeOrder(customer.name);
    expect(late.status).toBe(202);
    expect(late.order).toMatchObject({
      status: 'pending',
      processingAt: '2027-12-27T09:00:00.000Z',
    });

    await setClock('2027-12-24T14:00:00.000Z');
    const broadcast = await api.POST('/v1/broadcasts', {
      body: { message: 'Season’s greetings', customerIds: [customer.id] },
    });
    expect(broadcast.response.status).toBe(202);
    expect(broadcast.data!.recipients[0]).toMatchObject({
      status: 'scheduled',
      scheduledFor: '2027-12-27T09:00:00.000Z',
    });
  });

  it('makes recipients unreachable during a 5-week closure and brings them back when it is removed', async () => {
    await setClock('2027-02-01T10:00:00.000Z');
    const customer = await addCustomer('Refit', { ...allDay, timeZone: 'Europe/London' });
    const broadcast = await api.POST('/v1/broadcasts', {
      body: {
        message: 'After the refit',
        customerIds: [customer.id],
        sendAt: '2027-02-08T10:00:00.000Z',
      },
    });
    const messageId = broadcast.data!.recipients[0]!.messageId;
    await calendarWith({ closures: [{ from: '2027-02-05', to: '2027-03-11', name: 'Refit' }] });
    await setClock('2027-02-01T10:00:01.000Z');
    expect(await getMessage(messageId)).toMatchObject({ status: 'unreachable' });

    await calendarWith({});
    await setClock('2027-02-01T10:00:02.000Z');
    expect(await getMessage(messageId)).toMatchObject({
      status: 'scheduled',
      scheduledFor: '2027-02-08T10:00:00.000Z',
    });
  });

  it('lets one of two concurrent PUTs with the same If-Match win and answers 412 to the other', async () => {
    const current = await api.GET('/v1/business-calendar');
    const etag = current.response.headers.get('etag')!;
    const put = (start: string) =>
      call('PUT', '/v1/business-calendar', {
        body: {
          ...original,
          weekly: { ...(original['weekly'] as object), mon: [{ start, end: '18:00' }] },
        },
        headers: { 'if-match': etag },
      });
    const answers = await Promise.all([put('08:00'), put('07:00')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    const lost = answers.find((a) => a.status === 412)!;
    expect((lost.body as { error: { code: string } }).error.code).toBe('PRECONDITION_FAILED');
    const after = await api.GET('/v1/business-calendar');
    expect(after.data!.version).toBe(current.data!.version + 1);
  });

  it('imports a hand-written RFC 5545 file: all-day events become closures, the rest is listed with the reason', async () => {
    const ics = readFileSync(new URL('./fixtures/office-closures.ics', import.meta.url), 'utf8');
    const response = await call<{
      added: { summary: string; from: string; to: string }[];
      ignored: { summary: string; reason: string }[];
      upcomingClosures: unknown[];
      calendar: { closures: unknown[] };
    }>('POST', '/v1/business-calendar/import', {
      body: ics,
      headers: { 'content-type': 'text/calendar' },
    });
    expect(response.status).toBe(200);
    expect(response.body.added).toEqual([
      { summary: 'Annual stocktake', from: '2027-03-01', to: '2027-03-03' },
      { summary: 'Training day', from: '2027-04-05', to: '2027-04-05' },
      { summary: 'Training day', from: '2027-06-05', to: '2027-06-05' },
      { summary: "Founders' Day", from: '2027-06-14', to: '2027-06-14' },
    ]);
    expect(response.body.ignored).toEqual([
      {
        summary: 'All-hands meeting',
        reason: expect.stringMatching(/^timed event/),
      },
      {
        summary: 'Remote Friday',
        reason: expect.stringMatching(/without COUNT or UNTIL/),
      },
    ]);
    expect(response.body.calendar.closures).toContainEqual({
      from: '2027-03-01',
      to: '2027-03-03',
      name: 'Annual stocktake',
    });
  });

  it('closes a customer’s own side for their vacation, their country’s holidays and their special hours', async () => {
    const customer = await addCustomer('Vacationer', {
      timeZone: 'Europe/London',
      start: '00:00',
      end: '24:00',
      closures: [{ from: '2027-05-04', to: '2027-05-07', name: 'Vacation' }],
      holidays: { country: 'GB' },
      overrides: { '2027-05-10': [{ start: '12:00', end: '14:00' }] },
    });
    expect(customer.workingHours).toMatchObject({
      closures: [{ from: '2027-05-04', to: '2027-05-07', name: 'Vacation' }],
      holidays: { country: 'GB' },
      overrides: { '2027-05-10': [{ start: '12:00', end: '14:00' }] },
    });
    const { data } = await api.GET('/v1/customers/{id}/windows', {
      params: {
        path: { id: customer.id },
        query: { from: '2027-05-03T00:00:00.000Z', to: '2027-05-12T00:00:00.000Z' },
      },
    });
    // 3 May is the Early May bank holiday, 4–7 May the vacation, 8–9 May a weekend, and on
    // 10 May the customer is there 12:00–14:00 only (BST: 11:00–13:00Z).
    expect(data!.windows.map((w) => [w.start, w.end])).toEqual([
      ['2027-05-10T11:00:00.000Z', '2027-05-10T13:00:00.000Z'],
      ['2027-05-11T08:00:00.000Z', '2027-05-11T17:00:00.000Z'],
    ]);
  });
});
