import {
  buildApp as buildCustomerApp,
  readConfig as readCustomerConfig,
} from '@screenmagic/customer';
import { type App, mysqlOptions, SettableClock } from '@screenmagic/service-kit';
import { createConnection } from 'mysql2/promise';
import type { Logger } from 'pino';
import {
  dropTestDatabases,
  INTERNAL_AUTH_HEADERS,
  injectExpecting,
  testMysqlUrl,
  uniqueDatabasePrefix,
  SwitchableProxy,
  TEST_INTERNAL_TOKEN,
} from '@screenmagic/service-kit/testing';
import { buildApp, type OutgoingDeps } from '../../src/app.ts';
import { readConfig } from '../../src/config.ts';
import type { DispatchCounts } from '../../src/workers/dispatch-counts.ts';
import { BUSINESS_CALENDAR_INPUT } from './calendars.ts';
import { RecordingChannel } from './recording-channel.ts';

export interface OutgoingStackOptions {
  /** Extra environment for the outgoing service (DISPATCHER, DISPATCH_*, …). */
  readonly env?: Record<string, string>;
  readonly channel?: RecordingChannel;
  /** Use the channel the environment configures (webhook or log) instead of recording. */
  readonly configuredChannel?: boolean;
  /** More of what the app lets tests replace. */
  readonly deps?: Omit<OutgoingDeps, 'channel' | 'instanceId'>;
  /** The outgoing service's logger (default none), for tests of what it logs. */
  readonly logger?: Logger;
  /** The business calendar the customer service is seeded with (default: calendars.ts). */
  readonly calendar?: object;
}

export interface CustomerInput {
  readonly name: string;
  readonly workingHours: object;
  readonly timeZone?: string;
  readonly phone?: string;
  readonly consent?: { readonly marketing: boolean };
}

export interface CreatedCustomer {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
}

/**
 * The REAL customer service and the outgoing service under test, each on its own test
 * database, over real HTTP on 127.0.0.1 (port 0), under a test clock. The outgoing
 * service reaches the customer service through a {@link SwitchableProxy}, so a test can
 * take it down. Deliveries go to a {@link RecordingChannel} unless the environment names
 * a webhook.
 */
export class OutgoingStack {
  readonly prefix: string;
  readonly customer: App;
  readonly customerProxy: SwitchableProxy;
  readonly outgoing: App;
  readonly channel: RecordingChannel;
  readonly env: Readonly<Record<string, string>>;
  /** The outgoing test clock, shared by the main app and every replica (one stack, one "now"). */
  readonly clock: SettableClock;
  readonly #replicas: App[] = [];

  private constructor(fields: {
    prefix: string;
    customer: App;
    customerProxy: SwitchableProxy;
    outgoing: App;
    channel: RecordingChannel;
    env: Record<string, string>;
    clock: SettableClock;
  }) {
    this.prefix = fields.prefix;
    this.customer = fields.customer;
    this.customerProxy = fields.customerProxy;
    this.outgoing = fields.outgoing;
    this.channel = fields.channel;
    this.env = fields.env;
    this.clock = fields.clock;
  }

  static async start(label: string, options: OutgoingStackOptions = {}): Promise<OutgoingStack> {
    const prefix = uniqueDatabasePrefix(label);
    const shared: Record<string, string> = {
      MYSQL_URL: testMysqlUrl().href,
      MYSQL_DATABASE_PREFIX: prefix,
      MYSQL_POOL_SIZE: '4',
      BUSINESS_CALENDAR: JSON.stringify(options.calendar ?? BUSINESS_CALENDAR_INPUT),
      TEST_CLOCK: '1',
      UPSTREAM_TIMEOUT_MS: '2000',
      HOST: '127.0.0.1',
      // The services ask each other for it, as in production.
      INTERNAL_TOKEN: TEST_INTERNAL_TOKEN,
    };
    const customer = await buildCustomerApp(readCustomerConfig(shared), false);
    const customerPort = await listen(customer);
    const customerProxy = await SwitchableProxy.start(customerPort);
    const env = {
      ...shared,
      CUSTOMER_SERVICE_URL: customerProxy.url,
      // Long polls: tests move work with run-due (or a wake), not with timers.
      DISPATCH_POLL_INTERVAL_MS: '60000',
      ...options.env,
    };
    const channel = options.channel ?? new RecordingChannel();
    const clock = new SettableClock();
    const outgoing = await buildApp(readConfig(env), options.logger ?? false, {
      ...options.deps,
      ...(options.configuredChannel ? {} : { channel }),
      instanceId: 'main',
      clock,
    });
    await outgoing.ready();
    return new OutgoingStack({ prefix, customer, customerProxy, outgoing, channel, env, clock });
  }

  /**
   * Another outgoing replica on the same database (closed with the stack). It runs on the
   * stack's clock unless `deps.clock` says otherwise, so it sees the instant the test set.
   */
  async replica(deps: OutgoingDeps & { env?: Record<string, string> } = {}): Promise<App> {
    const { env, ...rest } = deps;
    const app = await buildApp(readConfig({ ...this.env, ...env }), false, {
      channel: this.channel,
      clock: this.clock,
      ...rest,
    });
    await app.ready();
    this.#replicas.push(app);
    return app;
  }

  /** Closes a replica started with {@link replica}. */
  async closeReplica(app: App): Promise<void> {
    const index = this.#replicas.indexOf(app);
    if (index >= 0) this.#replicas.splice(index, 1);
    await app.close();
  }

  async addCustomer(body: CustomerInput): Promise<CreatedCustomer> {
    const response = await injectExpecting(this.customer, 201, {
      method: 'POST',
      url: '/v1/customers',
      payload: body,
    });
    return response.json();
  }

  async patchCustomer(id: string, body: object): Promise<void> {
    await injectExpecting(this.customer, 200, {
      method: 'PATCH',
      url: `/v1/customers/${id}`,
      payload: body,
    });
  }

  async deleteCustomer(id: string): Promise<void> {
    const response = await this.customer.inject({ method: 'DELETE', url: `/v1/customers/${id}` });
    if (response.statusCode >= 300)
      throw new Error(`deleteCustomer: ${response.statusCode} ${response.body}`);
  }

  /** Freezes every service's clock at `now` (what the gateway's /test/clock does first). */
  async setClock(now: string): Promise<void> {
    for (const app of [this.customer, this.outgoing, ...this.#replicas]) {
      await injectExpecting(app, 200, {
        method: 'POST',
        url: '/internal/test/clock',
        headers: INTERNAL_AUTH_HEADERS,
        payload: { now },
      });
    }
  }

  /** `POST /internal/test/run-due`: what the dispatcher did. */
  async runDue(app: App = this.outgoing): Promise<DispatchCounts> {
    const response = await injectExpecting(app, 200, {
      method: 'POST',
      url: '/internal/test/run-due',
      headers: INTERNAL_AUTH_HEADERS,
    });
    return response.json<{ ran: DispatchCounts }>().ran;
  }

  /** Sets the clock, then runs what is due (the gateway's `POST /test/clock`). */
  async advance(now: string): Promise<DispatchCounts> {
    await this.setClock(now);
    return this.runDue();
  }

  async broadcast(body: object, headers: Record<string, string> = {}) {
    return this.outgoing.inject({ method: 'POST', url: '/v1/broadcasts', payload: body, headers });
  }

  async get<T = Record<string, unknown>>(url: string): Promise<T> {
    const response = await injectExpecting(this.outgoing, 200, { method: 'GET', url });
    return response.json();
  }

  /** A read of the outgoing service's own database (assertions about what is stored). */
  async query<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
    const connection = await createConnection(
      mysqlOptions(testMysqlUrl(), `${this.prefix}outgoing`),
    );
    try {
      const [rows] = await connection.query(text, values);
      return rows as T[];
    } finally {
      await connection.end();
    }
  }

  /** A statement on the customer service's own database (to bypass its API in a test). */
  async customerQuery(text: string, values: unknown[] = []): Promise<void> {
    const connection = await createConnection(
      mysqlOptions(testMysqlUrl(), `${this.prefix}customer`),
    );
    try {
      await connection.query(text, values);
    } finally {
      await connection.end();
    }
  }

  /**
   * Moves the re-plan's cursor (the calendar source's `customer_change_seq`) past every
   * change until the returned restore runs: queued work is not re-planned, so only the
   * dispatch-time check — on the customer replica — can judge a change.
   */
  async withoutReplan(): Promise<() => Promise<void>> {
    const cursor = async (value: string) => {
      await this.query(
        `INSERT INTO time_rules_state (name, value) VALUES ('customer_change_seq', ?)
         ON DUPLICATE KEY UPDATE value = VALUES(value)`,
        [value],
      );
    };
    const [saved] = await this.query<{ value: string }>(
      "SELECT value FROM time_rules_state WHERE name = 'customer_change_seq'",
    );
    await cursor('99999999');
    return () => cursor(saved?.value ?? '0');
  }

  async close(): Promise<void> {
    for (const app of this.#replicas) await app.close();
    await this.outgoing.close();
    await this.customerProxy.close();
    await this.customer.close();
    await dropTestDatabases(testMysqlUrl(), this.prefix);
  }
}

/** Listens on 127.0.0.1, port 0; returns the port. */
export async function listen(app: App): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return address.port;
}
