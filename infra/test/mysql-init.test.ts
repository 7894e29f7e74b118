import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { mysqlOptions } from '@screenmagic/service-kit';
import {
  dropTestDatabases,
  testMysqlUrl,
  uniqueDatabasePrefix,
} from '@screenmagic/service-kit/testing';
import { createConnection } from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { INFRA_DIR } from '../validate/kubernetes.ts';

const run = promisify(execFile);
const SCRIPT = join(INFRA_DIR, 'mysql', 'init', '01-databases-and-users.sh');
const serverUrl = testMysqlUrl();
const prefix = uniqueDatabasePrefix('mysqlinit');
const tag = prefix.slice(-9, -1);
const users = { customer: `t_c_${tag}`, outgoing: `t_o_${tag}`, incoming: `t_i_${tag}` };
const passwords = {
  customer: 'customer-pw-1',
  outgoing: 'outgoing-pw-1',
  incoming: 'incoming-pw-1',
};

function scriptEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    MYSQL_DATABASE_PREFIX: prefix,
    CUSTOMER_DB_USER: users.customer,
    CUSTOMER_DB_PASSWORD: passwords.customer,
    OUTGOING_DB_USER: users.outgoing,
    OUTGOING_DB_PASSWORD: passwords.outgoing,
    INCOMING_DB_USER: users.incoming,
    INCOMING_DB_PASSWORD: passwords.incoming,
    ...overrides,
  };
}

async function applyScript(): Promise<void> {
  const { stdout } = await run('bash', [SCRIPT, '--print'], { env: scriptEnv() });
  const admin = await createConnection({ ...mysqlOptions(serverUrl), multipleStatements: true });
  try {
    await admin.query(stdout);
  } finally {
    await admin.end();
  }
}

async function connectAs(service: keyof typeof users) {
  const url = new URL(serverUrl);
  url.username = users[service];
  url.password = passwords[service];
  return createConnection(mysqlOptions(url));
}

afterAll(async () => {
  const admin = await createConnection(mysqlOptions(serverUrl));
  try {
    for (const user of Object.values(users)) await admin.query(`DROP USER IF EXISTS '${user}'@'%'`);
  } finally {
    await admin.end();
  }
  await dropTestDatabases(serverUrl, prefix);
});

describe('infra/mysql/init/01-databases-and-users.sh', () => {
  it('creates the three databases and lets each service user into its own only', async () => {
    await applyScript();
    await applyScript(); // idempotent: a second run changes nothing and does not fail
    const customer = await connectAs('customer');
    try {
      // What a service does on start: create if missing (allowed, it exists), then migrate.
      await customer.query(`CREATE DATABASE IF NOT EXISTS \`${prefix}customer\``);
      await customer.query(`CREATE TABLE \`${prefix}customer\`.probe (id INT PRIMARY KEY)`);
      await customer.query(`INSERT INTO \`${prefix}customer\`.probe VALUES (1)`);
      await expect(customer.query(`SELECT * FROM \`${prefix}outgoing\`.probe`)).rejects.toThrow(
        /denied/i,
      );
      await expect(
        customer.query(`CREATE TABLE \`${prefix}incoming\`.probe (id INT)`),
      ).rejects.toThrow(/denied/i);
      // `_` in a grant is a wildcard unless escaped: a look-alike name must be refused.
      await expect(
        customer.query(`CREATE DATABASE \`${prefix.replace(/_$/, 'X')}customer\``),
      ).rejects.toThrow(/denied/i);
    } finally {
      await customer.end();
    }
    for (const service of ['outgoing', 'incoming'] as const) {
      const connection = await connectAs(service);
      try {
        await connection.query(`CREATE TABLE \`${prefix}${service}\`.probe (id INT PRIMARY KEY)`);
        await expect(connection.query(`SELECT * FROM \`${prefix}customer\`.probe`)).rejects.toThrow(
          /denied/i,
        );
      } finally {
        await connection.end();
      }
    }
  });

  it('refuses a missing password or one that would need URL encoding, naming the variable', async () => {
    for (const password of ['', 'has space in it', 'p@ss:word/1']) {
      const failure = run('bash', [SCRIPT, '--print'], {
        env: scriptEnv({ OUTGOING_DB_PASSWORD: password }),
      });
      await expect(failure).rejects.toMatchObject({
        stderr: expect.stringContaining('OUTGOING_DB_PASSWORD') as unknown,
      });
    }
  });

  it('refuses a database prefix the services would refuse', async () => {
    const failure = run('bash', [SCRIPT, '--print'], {
      env: scriptEnv({ MYSQL_DATABASE_PREFIX: 'bad-prefix' }),
    });
    await expect(failure).rejects.toMatchObject({
      stderr: expect.stringContaining('MYSQL_DATABASE_PREFIX') as unknown,
    });
  });
});
