import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { createConnection } from 'mysql2/promise';
import { mysqlOptions } from '../db/mysql-options.ts';

export const DEFAULT_TEST_MYSQL_URL = 'mysql://root@127.0.0.1:3306';

export interface TestMysqlServer {
  readonly url: string;
  readonly source: 'MYSQL_URL' | 'testcontainers' | 'default';
  stop(): Promise<void>;
}

/**
 * The MySQL server the tests use, in the order the project promises: `MYSQL_URL` when
 * set; a `mysql:8.4` container (testcontainers) when a Docker engine answers; otherwise
 * the local server at mysql://root@127.0.0.1:3306. It is then checked: a server that does
 * not answer fails the run loudly, never skips it.
 */
export async function startTestMysqlServer(env = process.env): Promise<TestMysqlServer> {
  const server = await pickServer(env);
  try {
    const connection = await createConnection(mysqlOptions(new URL(server.url)));
    await connection.query('SELECT 1');
    await connection.end();
  } catch (error) {
    await server.stop();
    throw new Error(
      `No MySQL/MariaDB for the tests at ${redact(server.url)} (from ${server.source}): ${(error as Error).message}. ` +
        'Start one (README, "Running the tests") or point MYSQL_URL at one.',
      { cause: error },
    );
  }
  return server;
}

async function pickServer(env: NodeJS.ProcessEnv): Promise<TestMysqlServer> {
  const fromEnv = env['MYSQL_URL']?.trim();
  if (fromEnv) return { url: fromEnv, source: 'MYSQL_URL', stop: () => Promise.resolve() };
  if (await dockerEngineAnswers(env)) {
    const { MySqlContainer } = await import('@testcontainers/mysql');
    const container = await new MySqlContainer('mysql:8.4').withRootPassword('test').start();
    const url = `mysql://root:test@${container.getHost()}:${container.getPort()}`;
    return { url, source: 'testcontainers', stop: async () => void (await container.stop()) };
  }
  return { url: DEFAULT_TEST_MYSQL_URL, source: 'default', stop: () => Promise.resolve() };
}

/** Pings the Docker engine's API (`/_ping`); the docker CLI alone is not an engine. */
export function dockerEngineAnswers(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const host = env['DOCKER_HOST'];
  const socketPath = host?.startsWith('unix://')
    ? host.slice('unix://'.length)
    : '/var/run/docker.sock';
  if (host && !host.startsWith('unix://')) return Promise.resolve(true);
  if (!existsSync(socketPath)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', timeout: 1_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
