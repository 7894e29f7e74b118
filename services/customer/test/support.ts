import {
  type App,
  type Env,
  type ErrorBody,
  mysqlOptions,
  SettableClock,
} from '@screenmagic/service-kit';
import {
  dropTestDatabases,
  testMysqlUrl,
  uniqueDatabasePrefix,
} from '@screenmagic/service-kit/testing';
import type { LightMyRequestResponse as Response } from 'fastify';
import { createConnection } from 'mysql2/promise';
import { buildApp, type CustomerConfig, readConfig } from '../src/app.ts';
import type { CustomerView } from '../src/schemas/customer.ts';

/** Monday 30 November 2026, 00:00 UTC: where every test's clock starts. */
export const MONDAY = '2026-11-30T00:00:00.000Z';

/** Mon–Fri 09:00–18:00 in London, the business calendar of most tests. */
export const LONDON_CALENDAR = {
  timeZone: 'Europe/London',
  start: '09:00',
  end: '18:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
};

export interface TestService {
  readonly app: App;
  readonly clock: SettableClock;
  readonly config: CustomerConfig;
  /** Rows in the customer table, read straight from the database. */
  customerCount(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The customer service on a database of its own (dropped by `close`), its clock frozen at
 * {@link MONDAY}, the London calendar unless `env` says otherwise.
 */
export async function startCustomerService(label: string, env: Env = {}): Promise<TestService> {
  const serverUrl = testMysqlUrl();
  const prefix = uniqueDatabasePrefix(label);
  const config = readConfig({
    MYSQL_URL: serverUrl.toString(),
    MYSQL_DATABASE_PREFIX: prefix,
    BUSINESS_CALENDAR: JSON.stringify(LONDON_CALENDAR),
    ...env,
  });
  const clock = new SettableClock();
  clock.set(new Date(MONDAY));
  const app = await buildApp(config, false, { clock });
  await app.ready();
  return {
    app,
    clock,
    config,
    async customerCount() {
      const connection = await createConnection(mysqlOptions(serverUrl, config.databaseName));
      try {
        const [rows] = await connection.query('select count(*) as n from customer');
        return Number((rows as Array<{ n: number | string }>)[0]?.n);
      } finally {
        await connection.end();
      }
    },
    async close() {
      await app.close();
      await dropTestDatabases(serverUrl, prefix);
    },
  };
}

export function customerOf(response: Response): CustomerView {
  return response.json<CustomerView>();
}

export function errorOf(response: Response): ErrorBody['error'] {
  return response.json<ErrorBody>().error;
}

/** Registers a customer and returns it (fails the test on anything but 201). */
export async function createCustomer(
  app: App,
  body: Record<string, unknown>,
): Promise<CustomerView> {
  const response = await app.inject({ method: 'POST', url: '/v1/customers', payload: body });
  if (response.statusCode !== 201) {
    throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  }
  return customerOf(response);
}
