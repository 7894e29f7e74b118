import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { BroadcastAccepted } from '../src/schemas/broadcast.ts';
import type { MessageExplanation } from '../src/schemas/explain.ts';
import { schedules } from './support/calendars.ts';
import { type CreatedCustomer, OutgoingStack } from './support/outgoing-stack.ts';

// Monday 30 November 2026 (London = UTC in winter; the business is open 09:00–18:00).
const MONDAY_8 = '2026-11-30T08:00:00.000Z';
const MONDAY_9 = '2026-11-30T09:00:00.000Z';

describe('consent at dispatch, replies and message explain', () => {
  let stack: OutgoingStack;
  let lucy: CreatedCustomer;
  let maya: CreatedCustomer;

  beforeAll(async () => {
    stack = await OutgoingStack.start('consentdsp');
    lucy = await stack.addCustomer({ name: 'Lucy', workingHours: schedules.london });
    maya = await stack.addCustomer({ name: 'Maya', workingHours: schedules.london });
  });
  afterAll(() => stack?.close());

  const firstRecipient = async (body: object) => {
    const response = await stack.broadcast(body);
    expect(response.statusCode).toBe(202);
    return response.json<BroadcastAccepted>().recipients[0] as {
      messageId: string;
      status: string;
    };
  };
  const deliveredTo = (messageId: string) =>
    stack.channel.deliveries.filter((d) => d.messageId === messageId).length;

  it('suppresses a marketing message whose customer opted out after acceptance (PATCH); transactional ones still go', async () => {
    await stack.setClock(MONDAY_8);
    const marketing = await firstRecipient({ message: 'Sale', customers: ['Lucy'] });
    const transactional = await firstRecipient({
      message: 'Your account',
      customers: ['Lucy'],
      category: 'transactional',
    });
    expect([marketing.status, transactional.status]).toEqual(['scheduled', 'scheduled']);
    await stack.patchCustomer(lucy.id, { consent: { marketing: false } });
    // The consent change reaches the outgoing service through the customer change feed
    // (the test clock's run-due syncs it first): suppressed before its time, not at dispatch.
    expect((await stack.runDue()).suppressed).toBe(0);
    expect(await stack.get(`/v1/messages/${marketing.messageId}`)).toMatchObject({
      status: 'suppressed',
      category: 'marketing',
      statusReason: 'OPTED_OUT',
      history: [
        { event: 'scheduled', reason: 'OUTSIDE_BUSINESS_HOURS' },
        { event: 'suppressed', reason: 'OPTED_OUT' },
      ],
    });
    await stack.advance(MONDAY_9);
    expect(deliveredTo(marketing.messageId)).toBe(0);
    expect(deliveredTo(transactional.messageId)).toBe(1);
    const [row] = await stack.query<{ broadcast_id: string }>(
      'SELECT broadcast_id FROM message WHERE id = ?',
      [marketing.messageId],
    );
    const broadcast = await stack.get<{ counts: Record<string, number> }>(
      `/v1/broadcasts/${row?.broadcast_id}`,
    );
    expect(broadcast.counts['suppressed']).toBe(1);
  });

  it('re-checks consent at dispatch from the customer replica (a change the re-plan did not act on)', async () => {
    await stack.setClock(MONDAY_8);
    const ada = await stack.addCustomer({ name: 'Ada', workingHours: schedules.london });
    const marketing = await firstRecipient({ message: 'Sale', customers: ['Ada'] });
    // The re-plan's cursor moved past every change first: only the dispatch-time check of
    // the replica can stop the message.
    onTestFinished(await stack.withoutReplan());
    await stack.patchCustomer(ada.id, { consent: { marketing: false } });
    const ran = await stack.advance(MONDAY_9);
    expect(ran.suppressed).toBe(1);
    expect(deliveredTo(marketing.messageId)).toBe(0);
    expect(await stack.get(`/v1/messages/${marketing.messageId}`)).toMatchObject({
      status: 'suppressed',
      statusReason: 'OPTED_OUT',
      history: [{ event: 'scheduled' }, { event: 'suppressed', reason: 'OPTED_OUT' }],
    });
    // Opted out at acceptance: suppressed from the first entry.
    const refused = await firstRecipient({ message: 'Sale again', customers: ['Ada'] });
    expect(await stack.get(`/v1/messages/${refused.messageId}`)).toMatchObject({
      status: 'suppressed',
      history: [{ event: 'suppressed', reason: 'OPTED_OUT' }],
    });
  });

  it('explains a late dispatch: the window closed before the dispatcher got to the message', async () => {
    await stack.setClock('2026-11-30T17:00:00.000Z');
    const message = await firstRecipient({
      message: 'Closing soon',
      customers: ['Maya'],
      category: 'transactional',
      sendAt: '2026-11-30T17:50:00.000Z',
    });
    expect(message.status).toBe('scheduled');
    // Due at 17:50, but the dispatcher first runs at 18:10: it reschedules, never sends.
    await stack.advance('2026-11-30T18:10:00.000Z');
    expect(deliveredTo(message.messageId)).toBe(0);
    const explained = await stack.get<MessageExplanation>(
      `/v1/messages/${message.messageId}/explain?at=2026-11-30T18:10:00.000Z`,
    );
    expect(explained).toMatchObject({
      messageId: message.messageId,
      customerId: maya.id,
      at: '2026-11-30T18:10:00.000Z',
      message: {
        status: 'scheduled',
        scheduledFor: '2026-12-01T09:00:00.000Z',
        holdToWindow: true,
      },
      business: { open: false, reason: 'OUTSIDE_BUSINESS_HOURS' },
      customer: { open: true, reason: 'OPEN' },
      window: { open: false, nextOpening: '2026-12-01T09:00:00.000Z' },
      text: "Closed: it is 18:10 your time, outside the business's hours; next window Tue 1 Dec 09:00–18:00 your time",
    });
    // Without at: the clock's now.
    const now = await stack.get<MessageExplanation>(`/v1/messages/${message.messageId}/explain`);
    expect(now.at).toBe('2026-11-30T18:10:00.000Z');
  });

  it('answers 404 for an unknown message and 422 CUSTOMER_DELETED when the recipient is gone', async () => {
    const missing = await stack.outgoing.inject({
      method: 'GET',
      url: '/v1/messages/msg_x/explain',
    });
    expect(missing.statusCode).toBe(404);
    const gone = await stack.addCustomer({ name: 'Gone', workingHours: schedules.london });
    const message = await firstRecipient({ message: 'Bye', customers: ['Gone'] });
    await stack.deleteCustomer(gone.id);
    const response = await stack.outgoing.inject({
      method: 'GET',
      url: `/v1/messages/${message.messageId}/explain`,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('CUSTOMER_DELETED');
  });
});
