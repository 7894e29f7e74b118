import {
  buildApp as buildCustomerApp,
  readConfig as readCustomerConfig,
} from '@screenmagic/customer';
import {
  buildApp as buildOutgoingApp,
  readConfig as readOutgoingConfig,
} from '@screenmagic/outgoing';
import type { App } from '@screenmagic/service-kit';
import {
  dropTestDatabases,
  INTERNAL_AUTH_HEADERS,
  injectExpecting,
  testMysqlUrl,
  uniqueDatabasePrefix,
  SwitchableProxy,
  TEST_INTERNAL_TOKEN,
} from '@screenmagic/service-kit/testing';
import { buildApp, type IncomingDeps } from '../../src/app.ts';
import { readConfig } from '../../src/config.ts';
import type { OrderView } from '../../src/schemas/order.ts';

/** Mon–Fri 09:00–18:00 in Kolkata (03:30Z–12:30Z); Christmas 2026 (a Friday) closed. */
export const KOLKATA_CALENDAR = {
  timeZone: 'Asia/Kolkata',
  start: '09:00',
  end: '18:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  closures: ['2026-12-25'],
};

export interface StackOptions {
  readonly calendar?: object;
  /** Extra environment for the incoming service (ORDER_WORKER_*, …). */
  readonly incomingEnv?: Record<string, string>;
  readonly incomingDeps?: IncomingDeps;
}

/**
 * The real customer and outgoing services and the incoming service under test, each on
 * its own test database, talking real HTTP on port 0 under a test clock. The outgoing
 * service sits behind a {@link SwitchableProxy} so a test can take it down; the customer
 * service can be closed outright.
 */
export class TestStack {
  readonly prefix: string;
  readonly customer: App;
  readonly outgoing: App;
  readonly incoming: App;
  readonly outgoingProxy: SwitchableProxy;
  /** The incoming service's environment (tests derive variants from it). */
  readonly env: Readonly<Record<string, string>>;

  private constructor(
    prefix: string,
    apps: { customer: App; outgoing: App; incoming: App },
    outgoingProxy: SwitchableProxy,
    env: Record<string, string>,
  ) {
    this.prefix = prefix;
    this.customer = apps.customer;
    this.outgoing = apps.outgoing;
    this.incoming = apps.incoming;
    this.outgoingProxy = outgoingProxy;
    this.env = env;
  }

  static async start(label: string, options: StackOptions = {}): Promise<TestStack> {
    const prefix = uniqueDatabasePrefix(label);
    const env: Record<string, string> = {
      MYSQL_URL: testMysqlUrl().href,
      MYSQL_DATABASE_PREFIX: prefix,
      MYSQL_POOL_SIZE: '4',
      BUSINESS_CALENDAR: JSON.stringify(options.calendar ?? KOLKATA_CALENDAR),
      TEST_CLOCK: '1',
      UPSTREAM_TIMEOUT_MS: '2000',
      // The services ask each other for it, as in production.
      INTERNAL_TOKEN: TEST_INTERNAL_TOKEN,
    };
    const customer = await buildCustomerApp(readCustomerConfig(env), false);
    const customerUrl = await listen(customer);
    const outgoing = await buildOutgoingApp(
      readOutgoingConfig({ ...env, CUSTOMER_SERVICE_URL: customerUrl }),
      false,
    );
    const outgoingProxy = await SwitchableProxy.start(Number(new URL(await listen(outgoing)).port));
    const incomingEnv = {
      ...env,
      CUSTOMER_SERVICE_URL: customerUrl,
      OUTGOING_SERVICE_URL: outgoingProxy.url,
      ...options.incomingEnv,
    };
    const incoming = await buildApp(readConfig(incomingEnv), false, options.incomingDeps);
    await incoming.ready();
    return new TestStack(prefix, { customer, outgoing, incoming }, outgoingProxy, incomingEnv);
  }

  /** Another incoming replica on the same database (its own worker id). */
  async replica(deps: IncomingDeps = {}): Promise<App> {
    const app = await buildApp(readConfig(this.env), false, deps);
    await app.ready();
    return app;
  }

  /** Registers a customer through the customer service's public API. */
  async addCustomer(body: {
    name: string;
    workingHours: object;
    timeZone?: string;
    phone?: string;
  }): Promise<{ id: string; name: string; timeZone: string }> {
    const response = await injectExpecting(this.customer, 201, {
      method: 'POST',
      url: '/v1/customers',
      payload: body,
    });
    return response.json();
  }

  /** Sets every service's test clock (as the gateway's `POST /test/clock` does). */
  async setClock(now: string, ...extra: App[]): Promise<void> {
    for (const app of [this.customer, this.outgoing, this.incoming, ...extra]) {
      await injectExpecting(app, 200, {
        method: 'POST',
        url: '/internal/test/clock',
        headers: INTERNAL_AUTH_HEADERS,
        payload: { now },
      });
    }
  }

  /** `POST /internal/test/run-due` on the incoming service: its `ran` counts. */
  async runDue(app: App = this.incoming): Promise<Record<string, number>> {
    const response = await injectExpecting(app, 200, {
      method: 'POST',
      url: '/internal/test/run-due',
      headers: INTERNAL_AUTH_HEADERS,
    });
    return response.json<{ ran: Record<string, number> }>().ran;
  }

  /** `GET /v1/orders/{orderId}` on the incoming service (or a replica). */
  async order(orderId: string, app: App = this.incoming): Promise<OrderView> {
    const response = await injectExpecting(app, 200, {
      method: 'GET',
      url: `/v1/orders/${orderId}`,
    });
    return response.json<OrderView>();
  }

  /** The outgoing service's view of a message. */
  async message(messageId: string): Promise<Record<string, unknown>> {
    const response = await injectExpecting(this.outgoing, 200, {
      method: 'GET',
      url: `/v1/messages/${messageId}`,
    });
    return response.json();
  }

  async close(): Promise<void> {
    await this.incoming.close();
    await this.outgoingProxy.close();
    await Promise.all([this.outgoing.close(), this.customer.close()]);
    await dropTestDatabases(testMysqlUrl(), this.prefix);
  }
}

async function listen(app: App): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}
