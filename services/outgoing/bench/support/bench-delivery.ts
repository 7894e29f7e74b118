import { WebhookSigner } from '@screenmagic/service-kit';
import { WebhookChannel } from '../../src/clients/webhook-channel.ts';

/**
 * The drain benchmarks' loops' webhook channel: the dispatcher's client, body and
 * signature against DELIVERY_WEBHOOK_URL, `inFlight` keep-alive connections.
 */
export function benchChannel(env: NodeJS.ProcessEnv, inFlight: number): WebhookChannel {
  const secret = env['DELIVERY_WEBHOOK_SECRET'] ?? '';
  return new WebhookChannel({
    url: new URL(env['DELIVERY_WEBHOOK_URL'] ?? ''),
    secret,
    // As the dispatcher's config does with only DELIVERY_WEBHOOK_SECRET set (SPEC §7): the
    // Standard Webhooks headers too, signed with its bytes. Without it the loop sent one
    // signature fewer than the dispatcher it is compared with.
    signer: secret === '' ? undefined : new WebhookSigner([{ kind: 'raw', secret }]),
    timeoutMs: 10_000,
    connections: inFlight,
  });
}

/** A seeded due message (bench/support/due-messages.ts) as the dispatcher would POST it. */
export function deliverRow(
  channel: WebhookChannel,
  row: { id: string; broadcast_id: string; customer_id: string; customer_name: string },
  sentAt: string,
): Promise<void> {
  return channel.deliver({
    messageId: row.id,
    broadcastId: row.broadcast_id,
    customerId: row.customer_id,
    to: row.customer_name,
    text: 'Bench message',
    kind: 'broadcast',
    sentAt,
  });
}
