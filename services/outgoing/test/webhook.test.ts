import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedules } from './support/calendars.ts';
import { type CreatedCustomer, OutgoingStack } from './support/outgoing-stack.ts';
import { WebhookReceiver } from './support/webhook-receiver.ts';

const MONDAY_10 = '2026-11-30T10:00:00.000Z';
const SECRET = 'webhook-test-secret';

describe('webhook channel', () => {
  let receiver: WebhookReceiver;
  let stack: OutgoingStack;
  let lucy: CreatedCustomer;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start(SECRET);
    stack = await OutgoingStack.start('hook', {
      configuredChannel: true,
      env: {
        DISPATCHER: 'off',
        DELIVERY_WEBHOOK_URL: receiver.url,
        DELIVERY_WEBHOOK_SECRET: SECRET,
        DELIVERY_WEBHOOK_TIMEOUT_MS: '300',
      },
    });
    lucy = await stack.addCustomer({
      name: 'Lucy',
      workingHours: schedules.london,
      phone: '+447700900123',
    });
  });
  afterAll(async () => {
    await stack?.close();
    await receiver?.close();
  });

  const send = async (message: string) => {
    const response = await stack.broadcast({ message, customers: ['Lucy'] });
    expect(response.statusCode).toBe(202);
    return response.json<{ broadcastId: string; recipients: { messageId: string }[] }>();
  };

  it('POSTs each message signed with X-Signature: sha256=<HMAC of the exact body>', async () => {
    await stack.setClock(MONDAY_10);
    const accepted = await send('Signed');
    expect(await stack.runDue()).toMatchObject({ delivered: 1 });
    expect(receiver.rejected).toEqual([]);
    expect(receiver.delivered.map((d) => d.body)).toEqual([
      {
        messageId: accepted.recipients[0]?.messageId,
        broadcastId: accepted.broadcastId,
        customerId: lucy.id,
        to: '+447700900123',
        text: 'Signed',
        kind: 'broadcast',
        sentAt: MONDAY_10,
      },
    ]);
    expect(receiver.delivered[0]?.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    // With only DELIVERY_WEBHOOK_SECRET set, the Standard Webhooks headers are signed with
    // its bytes as the key; webhook-id is the messageId (stable across retries).
    const [first] = receiver.delivered;
    expect(first?.headers['webhook-id']).toBe(accepted.recipients[0]?.messageId);
    expect(
      new Webhook(SECRET, { format: 'raw' }).verify(first?.raw ?? '', first?.headers ?? {}),
    ).toEqual(first?.body);
  });

  it('retries after a 500 and delivers once, with the same messageId', async () => {
    await stack.setClock(MONDAY_10);
    receiver.requests.length = 0;
    receiver.respondWith.push(500);
    const accepted = await send('Retried');
    expect(await stack.runDue()).toMatchObject({ delivered: 0, retried: 1 });
    expect(await stack.advance('2026-11-30T10:00:05.000Z')).toMatchObject({ delivered: 1 });
    expect(receiver.requests.map((r) => [r.body['messageId'], r.status])).toEqual([
      [accepted.recipients[0]?.messageId, 500],
      [accepted.recipients[0]?.messageId, 200],
    ]);
    expect(receiver.delivered).toHaveLength(1);
    expect(receiver.delivered[0]?.body['sentAt']).toBe('2026-11-30T10:00:05.000Z');
  });

  it('counts a receiver that does not answer in time as a failed attempt', async () => {
    await stack.setClock(MONDAY_10);
    receiver.hangMs = 1_000;
    try {
      await send('Slow');
      expect(await stack.runDue()).toMatchObject({ delivered: 0, retried: 1 });
    } finally {
      receiver.hangMs = 0;
    }
    expect(await stack.advance('2026-11-30T10:00:05.000Z')).toMatchObject({ delivered: 1 });
  });
});

describe('webhook channel with DELIVERY_WEBHOOK_SECRETS (rotation)', () => {
  const OLD = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const NEW = 'whsec_bmV3LWRlbGl2ZXJ5LXNlY3JldC0yMDI2';
  let receiver: WebhookReceiver;
  let stack: OutgoingStack;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start(SECRET);
    stack = await OutgoingStack.start('hookrot', {
      configuredChannel: true,
      env: {
        DISPATCHER: 'off',
        DELIVERY_WEBHOOK_URL: receiver.url,
        DELIVERY_WEBHOOK_SECRET: SECRET,
        DELIVERY_WEBHOOK_SECRETS: `${OLD},${NEW}`,
      },
    });
    await stack.addCustomer({ name: 'Lucy', workingHours: schedules.london });
  });
  afterAll(async () => {
    await stack?.close();
    await receiver?.close();
  });

  it('signs once per secret and keeps X-Signature', async () => {
    await stack.setClock(MONDAY_10);
    expect((await stack.broadcast({ message: 'Rotating', customers: ['Lucy'] })).statusCode).toBe(
      202,
    );
    expect(await stack.runDue()).toMatchObject({ delivered: 1 });
    expect(receiver.rejected).toEqual([]);
    const [delivery] = receiver.delivered;
    expect(delivery?.signature).toMatch(/^sha256=/);
    expect(delivery?.headers['webhook-signature']?.split(' ')).toHaveLength(2);
    for (const secret of [OLD, NEW]) {
      expect(new Webhook(secret).verify(delivery?.raw ?? '', delivery?.headers ?? {})).toEqual(
        delivery?.body,
      );
    }
    // The real time of sending, not the frozen test clock (2026-11-30T10:00Z).
    const stamped = Number(delivery?.headers['webhook-timestamp']) * 1000;
    expect(Math.abs(stamped - Date.now())).toBeLessThan(60_000);
  });
});
