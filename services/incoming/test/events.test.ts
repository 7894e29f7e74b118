import { startTracing } from '@screenmagic/service-kit';
import { EventsReceiver } from '@screenmagic/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestStack } from './support/stack.ts';

const payment = { method: 'upi', amount: '250.00', currency: 'INR' };
const OLD = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const NEW = 'whsec_aW5jb21pbmctb3JkZXItZXZlbnRzLTIwMjY=';
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CALLER = `00-${TRACE_ID}-b7ad6b7169203331-01`;

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('order status events (SPEC §7)', () => {
  let receiver: EventsReceiver;
  let stack: TestStack;
  let asha: { id: string };

  beforeAll(async () => {
    await startTracing('incoming', {});
    receiver = await EventsReceiver.start([OLD, NEW]);
    stack = await TestStack.start('orderevents', {
      incomingEnv: {
        EVENTS_WEBHOOK_URL: receiver.url,
        EVENTS_WEBHOOK_SECRETS: `${OLD},${NEW}`,
        EVENTS_POLL_INTERVAL_MS: '20',
        EVENTS_RETRY_BASE_MS: '20',
        EVENTS_RETRY_MAX_MS: '200',
      },
    });
    asha = await stack.addCustomer({
      name: 'Asha Rao',
      workingHours: { start: '08:00', end: '22:00' },
    });
  });
  afterAll(async () => {
    await stack?.close();
    await receiver?.close();
  });

  it('sends order.pending then order.confirmed, signed, in order, through a receiver outage', async () => {
    receiver.down = true;
    await stack.setClock('2026-12-05T05:30:00.000Z'); // Saturday: the business is closed
    const placed = await stack.incoming.inject({
      method: 'POST',
      url: '/v1/orders',
      payload: { customer: 'Asha Rao', orderId: 'EV-1', productId: 'SKU-1', payment },
    });
    expect(placed.statusCode).toBe(202);
    await stack.setClock('2026-12-07T03:30:00.000Z'); // Monday's opening
    await stack.runDue();
    await until(() => receiver.refused >= 2, 'the outage to refuse some events');
    receiver.down = false;
    await until(() => receiver.typesBy('orderId').get('EV-1')?.length === 2, 'both events');
    expect(receiver.rejected).toEqual([]);
    expect(receiver.typesBy('orderId').get('EV-1')).toEqual(['order.pending', 'order.confirmed']);
    const pending = receiver.events.find((e) => e.type === 'order.pending');
    expect(pending).toMatchObject({
      occurredAt: '2026-12-05T05:30:00.000Z',
      data: {
        orderId: 'EV-1',
        customerId: asha.id,
        status: 'pending',
        processingAt: '2026-12-07T03:30:00.000Z',
      },
    });
    expect(receiver.events.find((e) => e.type === 'order.confirmed')?.data).toEqual({
      orderId: 'EV-1',
      customerId: asha.id,
      status: 'confirmed',
    });
  });

  it("continues the placing request's trace in each event's traceparent", async () => {
    await stack.setClock('2026-12-05T05:30:00.000Z'); // Saturday: the business is closed
    const placed = await stack.incoming.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { traceparent: CALLER },
      payload: { customer: 'Asha Rao', orderId: 'EV-2', productId: 'SKU-1', payment },
    });
    expect(placed.statusCode).toBe(202);
    // Confirmed by the worker, from a run-due request of a trace of its own.
    await stack.setClock('2026-12-07T03:30:00.000Z');
    await stack.runDue();
    await until(() => receiver.typesBy('orderId').get('EV-2')?.length === 2, 'both events');
    for (const type of ['order.pending', 'order.confirmed']) {
      const event = receiver.events.find((e) => e.type === type && e.data['orderId'] === 'EV-2');
      const traceparent = receiver.traceparents.get(event?.id ?? '');
      expect(traceparent, type).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
      expect(traceparent, type).not.toBe(CALLER);
    }
  });
});
