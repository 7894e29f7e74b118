import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  dropTestDatabases,
  testMysqlUrl,
  uniqueDatabasePrefix,
} from '@screenmagic/service-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../validate/kubernetes.ts';

const run = promisify(execFile);
const serverUrl = testMysqlUrl();
const prefix = uniqueDatabasePrefix('migratecli');

function migrate(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, [join(REPO_ROOT, 'scripts', 'migrate.ts'), ...args], {
    env: {
      PATH: process.env['PATH'],
      MYSQL_URL: serverUrl.href,
      MYSQL_DATABASE_PREFIX: prefix,
      ...env,
    },
  });
}

afterAll(() => dropTestDatabases(serverUrl, prefix));

describe('pnpm migrate (scripts/migrate.ts)', () => {
  it('lists migrations as pending, applies them, then lists them as applied', async () => {
    const before = await migrate(['--status', '--service', 'customer']);
    expect(before.stdout).toMatch(/pending\s+\S*create_customer/);

    const applied = await migrate([]);
    for (const service of ['customer', 'outgoing', 'incoming']) {
      expect(applied.stdout).toContain(`${service}: database ${prefix}${service} is up to date`);
    }

    const after = await migrate(['--status']);
    expect(after.stdout).not.toMatch(/pending/);
    expect(after.stdout).toMatch(/applied\s+\S*create_customer/);

    // Running again is a no-op, not an error.
    await expect(migrate(['--service', 'outgoing'])).resolves.toMatchObject({
      stdout: expect.stringContaining('up to date') as unknown,
    });
    // Four Node start-ups and every migration of three databases: ~10 s on a quiet machine,
    // over 60 s while the other infra tests load both cores.
  }, 180_000);

  it('exits 1 with the error when the server cannot be reached', async () => {
    const failure = migrate(['--service', 'customer'], { MYSQL_URL: 'mysql://root@127.0.0.1:1' });
    await expect(failure).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/customer: .*ECONNREFUSED/) as unknown,
    });
  });

  it('exits 78 naming a bad variable and 64 for a bad argument', async () => {
    await expect(migrate([], { MYSQL_DATABASE_PREFIX: 'no-dashes' })).rejects.toMatchObject({
      code: 78,
      stderr: expect.stringContaining('MYSQL_DATABASE_PREFIX') as unknown,
    });
    await expect(migrate(['--service', 'billing'])).rejects.toMatchObject({
      code: 64,
      stderr: expect.stringContaining("unknown service 'billing'") as unknown,
    });
  });
});
