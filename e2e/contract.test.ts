import { readFileSync } from 'node:fs';
import newman, { type NewmanRunSummary } from 'newman';
import { describe, expect, it } from 'vitest';
import { setClock, stack, uniqueName } from './support/client.ts';
import { contractCollection, type FlowStep } from './support/postman-collection.ts';

// A Monday, 10:00 in London (the e2e business calendar is open) and 15:30 in Kolkata.
const MONDAY_10 = '2026-11-30T10:00:00.000Z';

const document = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, { examples?: Array<Record<string, unknown>> }> };
};
const example = (schema: string): Record<string, unknown> => {
  const value = document.components.schemas[schema]?.examples?.[0];
  if (value === undefined) throw new Error(`openapi.json has no example of ${schema}`);
  return value;
};

/** The documented flows, with the documents' own examples as bodies. */
function flow(): FlowStep[] {
  const name = uniqueName('Postman');
  const orderId = `PM-${Date.now().toString(36)}`;
  return [
    {
      name: 'create a customer',
      operationId: 'createCustomer',
      body: { ...example('NewCustomer'), name },
      status: 201,
      save: { customerId: 'id' },
    },
    {
      name: 'get the customer',
      operationId: 'getCustomer',
      path: { id: '{{customerId}}' },
      status: 200,
    },
    {
      name: "the customer's windows",
      operationId: 'getCustomerWindows',
      path: { id: '{{customerId}}' },
      query: { from: MONDAY_10, to: '2026-12-07T10:00:00.000Z' },
      status: 200,
    },
    {
      name: 'broadcast to the customer',
      operationId: 'createBroadcast',
      body: { message: example('NewBroadcast')['message'], customerIds: ['{{customerId}}'] },
      status: 202,
      save: { broadcastId: 'broadcastId' },
    },
    {
      name: 'get the broadcast',
      operationId: 'getBroadcast',
      path: { id: '{{broadcastId}}' },
      status: 200,
    },
    {
      name: 'place an order while open',
      operationId: 'createOrder',
      body: { ...example('NewOrder'), customer: name, orderId },
      status: 201,
    },
    { name: 'get the order', operationId: 'getOrder', path: { orderId }, status: 200 },
    { name: 'an invalid customer', operationId: 'createCustomer', body: { name: '' }, status: 400 },
    {
      name: 'no API key',
      operationId: 'getCustomer',
      path: { id: '{{customerId}}' },
      auth: false,
      status: 401,
    },
    {
      name: 'an unknown customer',
      operationId: 'getCustomer',
      path: { id: 'cus_unknown' },
      status: 404,
    },
    {
      name: 'an unknown order',
      operationId: 'getOrder',
      path: { orderId: 'PM-none' },
      status: 404,
    },
  ];
}

describe('the Postman collection generated from openapi.json', () => {
  it('passes its contract tests against the stack, run by newman', async () => {
    await setClock(MONDAY_10);
    const steps = flow();
    const collection = await contractCollection(document, steps);
    const { gatewayUrl, apiKey } = stack();
    const summary = await new Promise<NewmanRunSummary>((resolve, reject) => {
      newman.run(
        {
          collection: collection as never,
          envVar: [
            { key: 'baseUrl', value: gatewayUrl },
            { key: 'bearerToken', value: apiKey },
          ],
          reporters: ['cli'],
          reporter: { cli: { noBanner: true } },
          timeoutRequest: 30_000,
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
    });

    const { requests, assertions } = summary.run.stats;
    console.log(
      `newman: ${requests.total} requests (${requests.failed} failed), ` +
        `${assertions.total} assertions (${assertions.failed} failed)`,
    );
    expect(
      summary.run.failures.map((failure) => `${failure.source?.name}: ${failure.error.message}`),
    ).toEqual([]);
    expect(requests.total).toBe(steps.length);
    // Status, content type and schema for every request.
    expect(assertions.total).toBe(steps.length * 3);
    expect(assertions.failed).toBe(0);
  });
});
