import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_AUTH_HEADERS } from '@screenmagic/service-kit/testing';
import { schedules } from './support/calendars.ts';
import { type CreatedCustomer, OutgoingStack } from './support/outgoing-stack.ts';

// Monday 30 November 2026, 20:00 London: the business is closed, and so is the customer.
const MONDAY_EVENING = '2026-11-30T20:00:00.000Z';

describe('POST /internal/messages (order confirmations)', () => {
  let stack: OutgoingStack;
  let asha: CreatedCustomer;

  beforeAll(async () => {
    // The dispatcher runs in the background (its poll is a minute long): only a wake
    // can deliver "at once".
    stack = await OutgoingStack.start('ordconf', { env: { DISPATCHER: 'on' } });
    asha = await stack.addCustomer({
      name: 'Asha',
      workingHours: schedules.kolkata,
      phone: '+911234567890',
    });
  });
  afterAll(() => stack?.close());

  const confirm = (body: object) =>
    stack.outgoing.inject({
      method: 'POST',
      url: '/internal/messages',
      headers: INTERNAL_AUTH_HEADERS,
      payload: body,
    });
  const order = (orderId: string, holdToWindow: boolean) => ({
    kind: 'order-confirmation',
    orderId,
    customerId: asha.id,
    text: `Order ${orderId} confirmed`,
    holdToWindow,
  });

  it('delivers a confirmation not held to the window at once, outside every window, without run-due', async () => {
    await stack.setClock(MONDAY_EVENING);
    stack.channel.clear();
    const response = await confirm(order('ord-now', false));
    expect(response.statusCode).toBe(201);
    const created = response.json<{ messageId: string; status: string; scheduledFor: string }>();
    expect(created.messageId).toMatch(/^msg_/);
    expect(created).toEqual({
      messageId: created.messageId,
      status: 'sending',
      scheduledFor: MONDAY_EVENING,
    });
    await expect.poll(() => stack.channel.deliveries.length, { timeout: 3_000 }).toBe(1);
    expect(stack.channel.deliveries[0]).toEqual({
      messageId: created.messageId,
      orderId: 'ord-now',
      customerId: asha.id,
      to: '+911234567890',
      text: 'Order ord-now confirmed',
      kind: 'order-confirmation',
      sentAt: MONDAY_EVENING,
    });
    await expect
      .poll(async () => (await stack.get(`/v1/messages/${created.messageId}`))['status'])
      .toBe('delivered');
    // The next run-due report includes what the background loop did meanwhile.
    expect(await stack.runDue()).toMatchObject({ delivered: 1 });
  });

  it('is idempotent on the order id: the same order again returns the first message with 200', async () => {
    await stack.setClock(MONDAY_EVENING);
    const first = await confirm(order('ord-twice', true));
    const second = await confirm({ ...order('ord-twice', true), text: 'another text' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
  });

  it('creates one message when the same confirmation arrives twice at once', async () => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => confirm(order('ord-race', true))),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(responses.map((r) => r.json<{ messageId: string }>().messageId)).size).toBe(1);
  });

  it('holds a confirmation held to the window until the window opens', async () => {
    await stack.setClock(MONDAY_EVENING);
    stack.channel.clear();
    const response = await confirm(order('ord-held', true));
    expect(response.json()).toMatchObject({
      status: 'scheduled',
      scheduledFor: '2026-12-01T09:00:00.000Z',
    });
    // (This report also counts what the background loop did since the last one.)
    await stack.runDue();
    expect(stack.channel.deliveries).toEqual([]);
    // The earlier tests' held confirmations (ord-twice, ord-race) open at 09:00 too.
    expect(await stack.advance('2026-12-01T09:00:00.000Z')).toMatchObject({ delivered: 3 });
    expect(stack.channel.deliveries.map((d) => ('orderId' in d ? d.orderId : null)).sort()).toEqual(
      ['ord-held', 'ord-race', 'ord-twice'],
    );
  });

  it('answers 422 UNKNOWN_CUSTOMER for a customer that does not exist', async () => {
    const response = await confirm({ ...order('ord-ghost', false), customerId: 'cus_ghost' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ error: { code: 'UNKNOWN_CUSTOMER' } });
  });

  it('answers 400 for a body outside the contract', async () => {
    const response = await confirm({ ...order('ord-bad', false), kind: 'broadcast' });
    expect(response.statusCode).toBe(400);
    const { error } = response.json<{ error: { code: string; details: { field: string }[] } }>();
    expect(error.code).toBe('VALIDATION_FAILED');
    // The body is one of two shapes (order messages, replies): each names what is wrong.
    expect(error.details.map((d) => d.field)).toContain('kind');
  });
});
