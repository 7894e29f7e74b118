import { INTERNAL_AUTH_HEADERS, injectExpecting } from '@screenmagic/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessageResult } from '../src/schemas/inbound-message.ts';
import { TestStack } from './support/stack.ts';

// Monday 30 Nov 2026 14:00Z = 19:30 in Kolkata: the business (09:00–18:00 IST) is closed.
const MONDAY_EVENING = '2026-11-30T14:00:00.000Z';
// Tuesday 1 Dec 03:30Z = 09:00 IST: the window opens.
const TUESDAY_OPENING = '2026-12-01T03:30:00.000Z';

describe('POST /v1/inbound-messages (SPEC §6)', () => {
  let stack: TestStack;
  let mira: { id: string };
  const hours = { timeZone: 'Asia/Kolkata', start: '09:00', end: '18:00' };

  beforeAll(async () => {
    stack = await TestStack.start('inbound');
    // Mira's phone as people write it: stored as +919811111111, what inbound texts match.
    mira = await stack.addCustomer({ name: 'Mira', workingHours: hours, phone: '+91 98111 11111' });
    await stack.addCustomer({ name: 'Other', workingHours: hours, phone: '+919822222222' });
    await stack.setClock(MONDAY_EVENING);
  });
  afterAll(() => stack?.close());

  const inbound = (payload: object) =>
    stack.incoming.inject({ method: 'POST', url: '/v1/inbound-messages', payload });
  const broadcastToMira = async (body: object = {}) => {
    const response = await injectExpecting(stack.outgoing, 202, {
      method: 'POST',
      url: '/v1/broadcasts',
      payload: { message: 'Offer', customers: ['Mira'], ...body },
    });
    const accepted = response.json<{ recipients: { messageId: string; status: string }[] }>();
    return accepted.recipients[0] as { messageId: string; status: string };
  };
  const runOutgoing = () =>
    injectExpecting(stack.outgoing, 200, {
      method: 'POST',
      url: '/internal/test/run-due',
      headers: INTERNAL_AUTH_HEADERS,
    });
  const statusOf = async (id: string) => (await stack.message(id))['status'];

  it('STOP suppresses the three queued marketing messages at once; the order confirmation is still delivered', async () => {
    const marketing = [await broadcastToMira(), await broadcastToMira(), await broadcastToMira()];
    expect(marketing.map((m) => m.status)).toEqual(['scheduled', 'scheduled', 'scheduled']);
    const confirmation = await injectExpecting(stack.outgoing, 201, {
      method: 'POST',
      url: '/internal/messages',
      headers: INTERNAL_AUTH_HEADERS,
      payload: {
        kind: 'order-confirmation',
        orderId: 'ord-stop-1',
        customerId: mira.id,
        text: 'Your order is confirmed',
        holdToWindow: true,
      },
    });
    const confirmationId = confirmation.json<{ messageId: string }>().messageId;

    const stop = await inbound({ from: '+91 98111-11111', text: ' Stop. ' });
    expect(stop.statusCode).toBe(200);
    const answer = stop.json<InboundMessageResult>();
    expect(answer).toMatchObject({ customerId: mira.id, action: 'opt-out', suppressed: 3 });
    expect(answer.reply).toMatch(/START/);
    for (const m of marketing) expect(await statusOf(m.messageId)).toBe('suppressed');
    expect(await statusOf(confirmationId)).toBe('scheduled');

    // The reply is transactional and not held to the window: it goes out now, at 19:30 IST.
    const reply = await stack.message(answer.replyMessageId as string);
    expect(reply).toMatchObject({ kind: 'reply', category: 'transactional' });
    expect(reply['inboundMessageId']).toBe(answer.inboundMessageId);
    await runOutgoing();
    expect(await statusOf(answer.replyMessageId as string)).toBe('delivered');

    // A marketing broadcast now is suppressed at acceptance; the confirmation waits for the window.
    expect((await broadcastToMira()).status).toBe('suppressed');
    await stack.setClock(TUESDAY_OPENING);
    await runOutgoing();
    expect(await statusOf(confirmationId)).toBe('delivered');
    for (const m of marketing) expect(await statusOf(m.messageId)).toBe('suppressed');
  });

  it('START restores consent for later broadcasts only', async () => {
    await stack.setClock(MONDAY_EVENING);
    const before = await broadcastToMira();
    expect(before.status).toBe('suppressed');
    const start = (
      await inbound({ from: '+919811111111', text: 'START' })
    ).json<InboundMessageResult>();
    expect(start).toMatchObject({ action: 'opt-in', suppressed: 0 });
    expect(start.reply).toMatch(/STOP/);
    expect(await statusOf(before.messageId)).toBe('suppressed');
    expect((await broadcastToMira()).status).toBe('scheduled');
    // A transactional broadcast never needed consent.
    await inbound({ from: '+919811111111', text: 'Unsubscribe' });
    expect((await broadcastToMira({ category: 'transactional' })).status).toBe('scheduled');
    await inbound({ from: '+919811111111', text: 'unstop' });
  });

  it('HELP answers with help and changes nothing; other texts are stored without a reply', async () => {
    const help = (
      await inbound({ from: '+919822222222', text: 'Info' })
    ).json<InboundMessageResult>();
    expect(help.action).toBe('help');
    expect(help.reply).toMatch(/STOP.*START/);
    const other = await inbound({ from: '+919822222222', text: 'Stop sending me offers please' });
    expect(other.statusCode).toBe(200);
    expect(other.json<InboundMessageResult>()).toMatchObject({
      action: 'none',
      reply: null,
      replyMessageId: null,
    });
    const stored = await stack.incoming.incoming.db
      .selectFrom('inbound_message')
      .select(['text', 'action'])
      .where('from_phone', '=', '+919822222222')
      .orderBy('received_at')
      .execute();
    expect(stored.map((r) => r.action).sort()).toEqual(['help', 'none']);
  });

  it('answers 422 UNKNOWN_CUSTOMER for an unknown sender and 400 naming the field for bad input', async () => {
    const unknown = await inbound({ from: '+440000000000', text: 'STOP' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<{ error: { code: string } }>().error.code).toBe('UNKNOWN_CUSTOMER');
    for (const [payload, field] of [
      [{ from: 'nobody', text: 'STOP' }, 'from'],
      [{ from: '+91', text: 'STOP' }, 'from'],
      [{ from: '+919811111111' }, 'text'],
      [{ from: '+919811111111', text: 5 }, 'text'],
      [{ from: '+919811111111', text: 'STOP', extra: 1 }, 'extra'],
    ] as const) {
      const response = await inbound(payload);
      expect(response.statusCode).toBe(400);
      const body = response.json<{ error: { details: { field: string }[] } }>();
      expect(body.error.details.map((d) => d.field)).toContain(field);
    }
  });
});
