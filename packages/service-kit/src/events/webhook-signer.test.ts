import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { WebhookSigner } from './webhook-signer.ts';

const OLD = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const NEW = 'whsec_dGhlLW5ldy1zZWNyZXQtZm9yLXJvdGF0aW9u';

describe('WebhookSigner', () => {
  it('signs once per secret: a receiver holding either one verifies (rotation)', () => {
    const body = '{"id":"evt_1","type":"message.delivered"}';
    const headers = new WebhookSigner([
      { kind: 'whsec', secret: OLD },
      { kind: 'whsec', secret: NEW },
    ]).headers('evt_1', body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(OLD).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(new Webhook(NEW).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(() =>
      new Webhook('whsec_b3RoZXItc2VjcmV0LW5vdC1pbi11c2U=').verify(body, { ...headers }),
    ).toThrow();
    expect(() => new Webhook(OLD).verify(`${body} `, { ...headers })).toThrow();
  });

  it('stamps the real time of sending, in seconds', () => {
    const sentAt = new Date('2026-11-30T10:00:00.900Z');
    const headers = new WebhookSigner([{ kind: 'whsec', secret: OLD }]).headers(
      'evt_2',
      '{}',
      sentAt,
    );
    expect(headers['webhook-timestamp']).toBe(String(Date.parse('2026-11-30T10:00:00Z') / 1000));
    expect(headers['webhook-id']).toBe('evt_2');
    const now = Math.floor(Date.now() / 1000);
    const fresh = Number(
      new WebhookSigner([{ kind: 'whsec', secret: OLD }]).headers('evt_3', '{}')[
        'webhook-timestamp'
      ],
    );
    expect(Math.abs(fresh - now)).toBeLessThanOrEqual(1);
  });

  it("signs with a plain secret's own bytes as the key (format raw)", () => {
    const body = '{"messageId":"msg_1"}';
    const headers = new WebhookSigner([{ kind: 'raw', secret: 'legacy-secret' }]).headers(
      'msg_1',
      body,
    );
    expect(new Webhook('legacy-secret', { format: 'raw' }).verify(body, { ...headers })).toEqual(
      JSON.parse(body),
    );
  });
});

describe('WebhookSigner and the standardwebhooks package', () => {
  it('writes the very signature the package writes, for every kind of key and body', () => {
    const sentAt = new Date('2026-11-30T10:00:00.000Z');
    const bodies = ['{}', '{"text":"Grüße, नमस्ते 👋"}', 'x'.repeat(5_000)];
    const keys = [
      { key: { kind: 'whsec', secret: OLD } as const, webhook: new Webhook(OLD) },
      { key: { kind: 'whsec', secret: NEW } as const, webhook: new Webhook(NEW) },
      {
        key: { kind: 'raw', secret: 'legacy-sécret' } as const,
        webhook: new Webhook('legacy-sécret', { format: 'raw' }),
      },
    ];
    for (const body of bodies) {
      for (const { key, webhook } of keys) {
        const headers = new WebhookSigner([key]).headers('msg_01', body, sentAt);
        expect(headers['webhook-signature']).toBe(webhook.sign('msg_01', sentAt, body));
      }
    }
  });
});
