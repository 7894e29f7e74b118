import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BroadcastAccepted, BroadcastPreview } from '../src/schemas/broadcast.ts';
import type { Recipient } from '../src/schemas/message.ts';
import { OutgoingStack } from './support/outgoing-stack.ts';

// Monday 30 November 2026, 08:00 London (UTC+0): the business (09:00–18:00) opens soon.
const MONDAY_8 = '2026-11-30T08:00:00.000Z';

const ZONES = [
  'Asia/Kolkata',
  'America/New_York',
  'Europe/London',
  'Asia/Tokyo',
  'Australia/Sydney',
];
const HOURS = [
  { start: '09:00', end: '18:00' },
  { start: '07:00', end: '11:00' },
  { start: '20:00', end: '02:00' },
  { start: '00:00', end: '24:00', days: ['sat', 'sun'] },
];

type Decision = { status: string; scheduledFor: string | null };

describe('broadcast preview (SPEC §5)', () => {
  let stack: OutgoingStack;
  const ids: string[] = [];

  beforeAll(async () => {
    stack = await OutgoingStack.start('preview', {
      env: {
        DISPATCHER: 'off',
        RECIPIENTS_PAGE_SIZE: '3',
        MARKETING_CAP_PER_DAY: '2',
        DISPATCH_RATE_PER_SECOND: '2',
      },
    });
    await stack.setClock(MONDAY_8);
    // Twenty customers: every zone with every hours shape; every fifth opted out.
    for (let i = 0; i < 20; i++) {
      const zone = ZONES[i % ZONES.length] as string;
      const hours = HOURS[Math.floor(i / ZONES.length) % HOURS.length] as object;
      const customer = await stack.addCustomer({
        name: `P${i}`,
        workingHours: { timeZone: zone, ...hours },
        consent: { marketing: i % 5 !== 4 },
      });
      ids.push(customer.id);
    }
  });
  afterAll(() => stack?.close());

  const preview = (body: object, cursor?: string) =>
    stack.outgoing.inject({
      method: 'POST',
      url: `/v1/broadcasts/preview${cursor ? `?cursor=${cursor}` : ''}`,
      payload: body,
    });

  async function previewAll(
    body: object,
  ): Promise<{ first: BroadcastPreview; byId: Map<string, Decision> }> {
    const byId = new Map<string, Decision>();
    let first: BroadcastPreview | undefined;
    let cursor: string | undefined;
    do {
      const response = await preview(body, cursor);
      expect(response.statusCode).toBe(200);
      const page = response.json<BroadcastPreview>();
      first ??= page;
      for (const r of page.recipients)
        byId.set(r.customerId, { status: r.status, scheduledFor: r.scheduledFor });
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { first: first, byId };
  }

  async function realAll(
    body: object,
  ): Promise<{ accepted: BroadcastAccepted; byId: Map<string, Decision> }> {
    const response = await stack.broadcast(body);
    expect(response.statusCode).toBe(202);
    const accepted = response.json<BroadcastAccepted>();
    const byId = new Map<string, Decision>();
    let cursor: string | null = null;
    do {
      const page: { items: Recipient[]; nextCursor: string | null } = await stack.get(
        `/v1/broadcasts/${accepted.broadcastId}/recipients${cursor ? `?cursor=${cursor}` : ''}`,
      );
      for (const r of page.items)
        byId.set(r.customerId, { status: r.status, scheduledFor: r.scheduledFor });
      cursor = page.nextCursor;
    } while (cursor);
    return { accepted, byId };
  }

  it('stores nothing, and spreads the sends per UTC hour with the completion at the dispatch rate', async () => {
    const before = await stack.query<{ n: number }>('SELECT COUNT(*) AS n FROM message');
    const { first } = await previewAll({ message: 'Hello', category: 'transactional' });
    const after = await stack.query<{ n: number }>('SELECT COUNT(*) AS n FROM message');
    expect(after).toEqual(before);
    expect(first.recipientCount).toBe(20);
    const s = first.summary;
    expect(s.sendingNow + s.scheduled + s.unreachable + s.suppressed).toBe(20);
    expect(s.suppressed).toBe(0);
    expect(first.byHour.reduce((n, h) => n + h.count, 0)).toBe(s.sendingNow + s.scheduled);
    for (const h of first.byHour) expect(Date.parse(h.hour) % 3_600_000).toBe(0);
    expect(first.recipients).toHaveLength(3);
    // At 2 a second, a group due at one instant takes ceil(n/2) - 1 more seconds.
    expect(Date.parse(first.estimatedCompletion as string)).toBeGreaterThanOrEqual(
      Date.parse(first.lastScheduledFor as string),
    );
  });

  it('refuses what the real broadcast refuses: 409 closed day, 422 unknown, 400 sendAt with sendAtLocal', async () => {
    const saturday = await preview({ message: 'x', sendAt: '2026-12-05T10:00:00.000Z' });
    expect(saturday.statusCode).toBe(409);
    expect(saturday.json<{ error: { code: string } }>().error.code).toBe('BUSINESS_CLOSED');
    const unknown = await preview({ message: 'x', customers: ['Nobody'] });
    expect(unknown.statusCode).toBe(422);
    const both = await preview({
      message: 'x',
      sendAt: '2026-12-01T10:00:00.000Z',
      sendAtLocal: { time: '10:00' },
    });
    expect(both.statusCode).toBe(400);
    expect(both.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
      'sendAtLocal',
    );
    const real = await stack.broadcast({
      message: 'x',
      sendAt: '2026-12-01T10:00:00.000Z',
      sendAtLocal: { time: '10:00' },
    });
    expect(real.statusCode).toBe(400);
  });

  it('sendAtLocal sends each recipient at the wall time in their own zone, held to their window', async () => {
    const { byId } = await previewAll({
      message: 'Local ten',
      category: 'transactional',
      sendAtLocal: { time: '10:00', date: '2026-12-01' },
    });
    // P0: Kolkata 09:00–18:00 → 10:00 IST = 04:30Z, before the business opens → 09:00Z.
    expect(byId.get(ids[0] as string)).toEqual({
      status: 'scheduled',
      scheduledFor: '2026-12-01T09:00:00.000Z',
    });
    // P2: London 09:00–18:00 → 10:00 GMT, inside the window.
    expect(byId.get(ids[2] as string)).toEqual({
      status: 'scheduled',
      scheduledFor: '2026-12-01T10:00:00.000Z',
    });
    // P1: New York 09:00–18:00 → 10:00 EST = 15:00Z, inside the window.
    expect(byId.get(ids[1] as string)).toEqual({
      status: 'scheduled',
      scheduledFor: '2026-12-01T15:00:00.000Z',
    });
  });

  it('agrees with the real broadcast recipient by recipient (random customers, send times, categories)', async () => {
    const sendTime = fc.oneof(
      fc.integer({ min: 0, max: 10 * 24 * 4 }).map((quarter) => ({
        sendAt: new Date(Date.parse(MONDAY_8) + quarter * 900_000).toISOString(),
        onClosedDay: 'queue',
      })),
      fc
        .record({
          h: fc.integer({ min: 0, max: 23 }),
          m: fc.constantFrom(0, 30),
          day: fc.option(fc.integer({ min: 1, max: 9 })),
        })
        .map(({ h, m, day }) => ({
          sendAtLocal: {
            time: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
            ...(day === null ? {} : { date: `2026-12-0${day}` }),
          },
        })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(ids, { minLength: 1 }),
        sendTime,
        fc.constantFrom('marketing', 'transactional'),
        async (customerIds, when, category) => {
          const body = { message: 'Agree', customerIds, category, ...when };
          const previewed = await previewAll(body);
          const real = await realAll(body);
          expect(real.accepted.summary).toEqual(previewed.first.summary);
          expect(Object.fromEntries(real.byId)).toEqual(Object.fromEntries(previewed.byId));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('caps marketing per customer-local day: the third marketing message that day is suppressed', async () => {
    // 15 Dec: past every send time the property above can produce for this London customer.
    const body = { message: 'Cap', customerIds: [ids[2]], sendAt: '2026-12-15T10:00:00.000Z' };
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await realAll(body)).byId.get(ids[2] as string)?.status ?? '');
    }
    expect(statuses).toEqual(['scheduled', 'scheduled', 'suppressed']);
    const previewed = await previewAll(body);
    expect(previewed.first.summary.suppressed).toBe(1);
    // Transactional messages never count against the cap.
    const transactional = await realAll({ ...body, category: 'transactional' });
    expect(transactional.byId.get(ids[2] as string)?.status).toBe('scheduled');
  });
});
