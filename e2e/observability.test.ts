import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  raw,
  clearDeliveries,
  deliveryLog,
  setClock,
  stack,
  uniqueName,
} from './support/client.ts';

// Monday 30 November 2026, 10:00 London: the business is open.
const MONDAY_10 = '2026-11-30T10:00:00.000Z';

describe('one trace from the gateway to the webhook receiver', () => {
  it("carries the client's trace id through every service to the delivery and its log lines", async () => {
    await setClock(MONDAY_10);
    await clearDeliveries();
    const traceId = randomBytes(16).toString('hex');
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
    const name = uniqueName('Traced');
    const customer = await raw.post<{ id: string }>(
      '/v1/customers',
      { name, workingHours: { timeZone: 'Europe/London', start: '00:00', end: '24:00' } },
      { headers: { traceparent } },
    );
    expect(customer.status).toBe(201);

    const accepted = await raw.post<{ recipients: Array<{ messageId: string }> }>(
      '/v1/broadcasts',
      { message: 'Follow me', customers: [name] },
      { headers: { traceparent } },
    );
    expect(accepted.status).toBe(202);
    const messageId = accepted.body.recipients[0]?.messageId;
    await setClock(MONDAY_10); // runs what is due

    await expect
      .poll(async () =>
        (await deliveryLog()).deliveries.find((d) => d.body['messageId'] === messageId),
      )
      .toBeDefined();
    const delivery = (await deliveryLog()).deliveries.find(
      (d) => d.body['messageId'] === messageId,
    );
    expect(delivery?.headers['traceparent']).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    // The gateway, the outgoing service (which called the customer service) and the
    // customer service logged lines of this trace.
    await expect
      .poll(() => componentsLogging(traceId), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['customer', 'gateway', 'outgoing']));
  });
});

describe('metrics', () => {
  it('each service serves /metrics on its own port, without credentials', async () => {
    for (const [service, url] of Object.entries(stack().serviceUrls)) {
      const response = await fetch(`${url}/metrics`);
      expect(response.status, service).toBe(200);
      const text = await response.text();
      expect(text, service).toMatch(/^process_resident_memory_bytes\{service="\w+"\} /m);
      expect(text, service).toContain('http_requests_total');
    }
    const outgoing = await (await fetch(`${stack().serviceUrls.outgoing}/metrics`)).text();
    expect(outgoing).toMatch(
      /^screenmagic_messages\{status="scheduled",service="outgoing"\} \d+$/m,
    );
    expect(outgoing).toMatch(/^screenmagic_queue_lag_seconds\{service="outgoing"\} \d/m);
    const incoming = await (await fetch(`${stack().serviceUrls.incoming}/metrics`)).text();
    expect(incoming).toMatch(/^screenmagic_orders\{status="pending",service="incoming"\} \d+$/m);
    expect(incoming).toMatch(/^screenmagic_pending_overdue\{service="incoming"\} \d+$/m);
  });

  it("the gateway's are on GATEWAY_METRICS_PORT; its public port answers 404", async () => {
    const scrape = await fetch(stack().gatewayMetricsUrl);
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toMatch(
      /^http_requests_total\{method="POST",route="\/v1\/broadcasts",status="202",service="gateway"\} \d+$/m,
    );
    expect((await raw.get('/metrics')).status).toBe(404);
  });
});

/** The components whose log lines (in the stack's output) carry `traceId`. */
function componentsLogging(traceId: string): string[] {
  const found = new Set<string>();
  for (const line of readFileSync(stack().stackLogPath, 'utf8').split('\n')) {
    if (!line.includes(`"traceId":"${traceId}"`)) continue;
    const component = /^\[(\w+)\]/.exec(line)?.[1];
    if (component) found.add(component);
  }
  return [...found].sort();
}
