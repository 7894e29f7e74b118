import { describe, expect, it } from 'vitest';
import { deliveryBody } from './channel.ts';
import { signBody, verifySignature } from './signature.ts';

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of the body (RFC 4231-style known vector)', () => {
    expect(signBody('The quick brown fox jumps over the lazy dog', 'key')).toBe(
      'sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });

  it('verifies only the exact bytes with the right secret', () => {
    const body = '{"messageId":"msg_1"}';
    const header = signBody(body, 's3cret');
    expect(verifySignature(body, 's3cret', header)).toBe(true);
    expect(verifySignature(`${body} `, 's3cret', header)).toBe(false);
    expect(verifySignature(body, 'other', header)).toBe(false);
    expect(verifySignature(body, 's3cret', undefined)).toBe(false);
  });
});

describe('deliveryBody', () => {
  it('carries the documented fields, broadcastId for a broadcast message', () => {
    const body = deliveryBody({
      messageId: 'msg_1',
      broadcastId: 'brd_1',
      customerId: 'cus_1',
      to: '+911234567890',
      text: 'Hello',
      kind: 'broadcast',
      sentAt: '2026-11-30T10:00:00.000Z',
    });
    expect(body).toBe(
      '{"messageId":"msg_1","broadcastId":"brd_1","customerId":"cus_1","to":"+911234567890","text":"Hello","kind":"broadcast","sentAt":"2026-11-30T10:00:00.000Z"}',
    );
  });

  it('carries orderId for an order confirmation', () => {
    const parsed = JSON.parse(
      deliveryBody({
        messageId: 'msg_2',
        orderId: 'ord-7',
        customerId: 'cus_1',
        to: 'Asha',
        text: 'Confirmed',
        kind: 'order-confirmation',
        sentAt: '2026-11-30T10:00:00.000Z',
      }),
    ) as Record<string, unknown>;
    expect(parsed).toEqual({
      messageId: 'msg_2',
      orderId: 'ord-7',
      customerId: 'cus_1',
      to: 'Asha',
      text: 'Confirmed',
      kind: 'order-confirmation',
      sentAt: '2026-11-30T10:00:00.000Z',
    });
  });
});
