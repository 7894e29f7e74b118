import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BroadcastAccepted } from '../src/schemas/broadcast.ts';
import { BUSINESS_CALENDAR_INPUT } from './support/calendars.ts';
import { OutgoingStack } from './support/outgoing-stack.ts';

/** New York, weekdays 09:00–18:00 (14:00–23:00Z in winter): with the business, 14:00–18:00Z. */
const NEW_YORK_WEEKDAYS = {
  timeZone: 'America/New_York',
  start: '09:00',
  end: '18:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
};

interface MessageView {
  status: string;
  statusReason: string;
  history: { event: string; reason: string }[];
}

/**
 * SPEC §6 `MARKETING_CAP_PER_DAY` holds however a message comes to be sent on a day: the
 * dispatcher counts the day's deliveries, not only acceptance its plans.
 */
describe('the marketing frequency cap at dispatch', () => {
  let stack: OutgoingStack;

  beforeAll(async () => {
    stack = await OutgoingStack.start('capdsp', { env: { MARKETING_CAP_PER_DAY: '2' } });
  });
  afterAll(() => stack?.close());

  const recipient = async (customer: string, sendAt?: string) => {
    const response = await stack.broadcast({
      message: `Sale ${sendAt ?? 'now'}`,
      customers: [customer],
      ...(sendAt === undefined ? {} : { sendAt }),
    });
    expect(response.statusCode).toBe(202);
    const [first] = response.json<BroadcastAccepted>().recipients;
    return first as { messageId: string; status: string };
  };
  const closeBusinessOn = async (...days: string[]) => {
    const put = await stack.customer.inject({
      method: 'PUT',
      url: '/v1/business-calendar',
      payload: {
        ...BUSINESS_CALENDAR_INPUT,
        closures: [...BUSINESS_CALENDAR_INPUT.closures, ...days],
      },
    });
    expect(put.statusCode).toBe(200);
  };
  const view = (id: string) => stack.get<MessageView>(`/v1/messages/${id}`);
  const deliveredTo = (id: string) =>
    stack.channel.deliveries.filter((d) => d.messageId === id).length;

  it('suppresses what a calendar re-plan moved into a full day (the audit: four went on Tuesday)', async () => {
    await stack.addCustomer({ name: 'Vac', workingHours: NEW_YORK_WEEKDAYS });
    await stack.setClock('2026-12-21T11:00:00.000Z');
    const monday = [await recipient('Vac'), await recipient('Vac')];
    const tuesday = [
      await recipient('Vac', '2026-12-22T14:00:00.000Z'),
      await recipient('Vac', '2026-12-22T14:00:00.000Z'),
    ];
    const fifth = await recipient('Vac', '2026-12-22T14:00:00.000Z');
    expect([...monday, ...tuesday].map((m) => m.status)).toEqual(Array(4).fill('scheduled'));
    expect((await view(fifth.messageId)).statusReason).toBe('FREQUENCY_CAP');

    await closeBusinessOn('2026-12-21');
    await stack.runDue();
    for (const m of monday) {
      expect(await view(m.messageId)).toMatchObject({
        status: 'scheduled',
        history: [{ event: 'scheduled' }, { event: 'rescheduled', reason: 'CALENDAR_CHANGED' }],
      });
    }
    // The day acceptance's cap counts moved with them: Tuesday now has four planned.
    const days = await stack.query<{ local_day: string }>(
      'SELECT local_day FROM message WHERE id IN (?, ?)',
      monday.map((m) => m.messageId),
    );
    expect(days.map((d) => d.local_day)).toEqual(['2026-12-22', '2026-12-22']);

    const ran = await stack.advance('2026-12-22T14:30:00.000Z');
    expect(ran).toMatchObject({ delivered: 2, suppressed: 2 });
    const all = [...monday, ...tuesday].map((m) => m.messageId);
    expect(all.reduce((sum, id) => sum + deliveredTo(id), 0)).toBe(2);
    const views = await Promise.all(all.map(view));
    expect(views.filter((v) => v.status === 'delivered')).toHaveLength(2);
    const capped = views.filter((v) => v.status === 'suppressed');
    expect(capped).toHaveLength(2);
    for (const v of capped) {
      expect(v.statusReason).toBe('FREQUENCY_CAP');
      expect(v.history.at(-1)).toMatchObject({ event: 'suppressed', reason: 'FREQUENCY_CAP' });
    }
    const [row] = await stack.query<{ broadcast_id: string }>(
      'SELECT broadcast_id FROM message WHERE id = ? AND status = ?',
      [all.find((_, i) => views[i]?.status === 'suppressed'), 'suppressed'],
    );
    const broadcast = await stack.get<{ counts: Record<string, number> }>(
      `/v1/broadcasts/${row?.broadcast_id}`,
    );
    expect(broadcast.counts['suppressed']).toBe(1);
  });

  it('counts the deliveries of earlier batches on the same local day', async () => {
    await stack.addCustomer({ name: 'Wes', workingHours: NEW_YORK_WEEKDAYS });
    await stack.setClock('2026-12-22T15:00:00.000Z');
    // Wednesday: one; Thursday: two, at 14:00 and 14:10 — within the cap at acceptance.
    const moved = await recipient('Wes', '2026-12-23T14:00:00.000Z');
    const first = await recipient('Wes', '2026-12-24T14:00:00.000Z');
    const later = await recipient('Wes', '2026-12-24T14:10:00.000Z');
    expect([moved, first, later].map((m) => m.status)).toEqual(Array(3).fill('scheduled'));
    // Wednesday closes: the Wednesday message moves to Thursday 14:00, beside the first.
    await closeBusinessOn('2026-12-21', '2026-12-23');
    await stack.runDue();

    expect(await stack.advance('2026-12-24T14:05:00.000Z')).toMatchObject({ delivered: 2 });
    expect(deliveredTo(moved.messageId) + deliveredTo(first.messageId)).toBe(2);
    // The day's two went out in an earlier batch: the 14:10 one finds the day full.
    expect(await stack.advance('2026-12-24T14:15:00.000Z')).toMatchObject({
      delivered: 0,
      suppressed: 1,
    });
    expect(deliveredTo(later.messageId)).toBe(0);
    expect(await view(later.messageId)).toMatchObject({
      status: 'suppressed',
      statusReason: 'FREQUENCY_CAP',
      history: [{ event: 'scheduled' }, { event: 'suppressed', reason: 'FREQUENCY_CAP' }],
    });
  });
});
