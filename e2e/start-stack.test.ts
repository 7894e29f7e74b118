import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type {} from '../packages/service-kit/src/testing/global-setup.ts';
import {
  dropTestDatabases,
  freePorts,
  uniqueDatabasePrefix,
} from '../packages/service-kit/src/testing/index.ts';

// `pnpm start` itself, as a user runs it: its own stack on free ports, in databases of its own.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function stackEnv(): Promise<{ env: NodeJS.ProcessEnv; gatewayPort: number }> {
  const [gatewayPort, customerPort, outgoingPort, incomingPort] = await freePorts(4);
  const prefix = uniqueDatabasePrefix('e2e_start');
  const mysqlUrl = inject('mysqlUrl');
  cleanups.push(() => dropTestDatabases(new URL(mysqlUrl), prefix));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    MYSQL_URL: mysqlUrl,
    MYSQL_DATABASE_PREFIX: prefix,
    CUSTOMER_SERVICE_URL: `http://127.0.0.1:${customerPort}`,
    OUTGOING_SERVICE_URL: `http://127.0.0.1:${outgoingPort}`,
    INCOMING_SERVICE_URL: `http://127.0.0.1:${incomingPort}`,
    GATEWAY_PORT: String(gatewayPort),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    // As in a user's shell, `node` is Node itself, not the `node_modules/.bin/node` launcher
    // script a package script's PATH holds (it would sit between the shell and pnpm).
    PATH: `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}`,
  };
  for (const name of ['PORT', 'BUSINESS_CALENDAR_FILE', 'GATEWAY_API_KEYS', 'TEST_CLOCK']) {
    delete env[name];
  }
  return { env, gatewayPort: Number(gatewayPort) };
}

function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

function readLog(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

describe('pnpm start', () => {
  it('starts nothing when a port is held by another program, and names the port', async () => {
    const { env, gatewayPort } = await stackEnv();
    const other = createServer((socket) => socket.on('error', () => {}));
    other.listen(gatewayPort, '127.0.0.1');
    await once(other, 'listening');
    cleanups.push(() => void other.close());

    const start = spawn('pnpm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    start.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    start.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = (await once(start, 'exit')) as [number | null];

    expect(code).not.toBe(0);
    expect(output).toContain(
      `[stack] port ${gatewayPort} (gateway) is already in use by another program`,
    );
    expect(output).not.toContain('[stack] started');
  });

  // Starting a whole stack takes a while on a busy machine.
  it(
    'keeps running under nohup after its shell exits, and stops cleanly on SIGTERM',
    { timeout: 240_000 },
    async () => {
      const { env, gatewayPort } = await stackEnv();
      const log = join(tmpdir(), `screenmagic-${String(env['MYSQL_DATABASE_PREFIX'])}start.log`);
      // The shell starts `nohup pnpm start &`, waits for a line, then exits (as a user's would).
      const shell = spawn(
        'bash',
        ['-c', 'nohup pnpm start > "$0" 2>&1 & echo $!; read -r _', log],
        {
          cwd: root,
          env,
          stdio: ['pipe', 'pipe', 'inherit'],
        },
      );
      let shellOut = '';
      shell.stdout.on('data', (chunk: Buffer) => (shellOut += chunk.toString()));
      await expect.poll(() => shellOut, { timeout: 10_000 }).toMatch(/^\d+\n/);
      const pnpmPid = Number(shellOut.trim());
      const pids: number[] = [];
      cleanups.push(() => {
        for (const pid of [pnpmPid, ...pids]) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      });

      await expect
        .poll(() => readLog(log), { timeout: 150_000, interval: 250 })
        .toContain('[stack] up: every component is listening');
      const started = /\[stack\] started (.*)/.exec(readLog(log))?.[1] ?? '';
      pids.push(...[...started.matchAll(/\(pid (\d+)\)/g)].map((match) => Number(match[1])));
      expect(pids).toHaveLength(4);
      const runner = parentOf(pids[0]!);
      pids.push(runner);

      shell.stdin.end('\n');
      if (shell.exitCode === null) await once(shell, 'exit');
      // Several of the runner's owner checks (every 500 ms) later, the stack still answers.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(readLog(log)).not.toContain('stopping');
      expect(pids.every(isAlive)).toBe(true);
      const health = await fetch(`http://127.0.0.1:${gatewayPort}/healthz`);
      expect(health.status).toBe(200);

      process.kill(pnpmPid, 'SIGTERM'); // pnpm does not pass it on: the runner sees pnpm go
      await expect.poll(() => pids.filter(isAlive), { timeout: 60_000, interval: 250 }).toEqual([]);
      const output = readLog(log);
      expect(output).toContain(
        `the process that started the stack (pid ${pnpmPid}) exited: stopping`,
      );
      for (const name of ['customer', 'outgoing', 'incoming', 'gateway']) {
        expect(output).toMatch(new RegExp(`\\[${name}\\] *\\{.*"msg":"stopped"`));
      }
      expect(output).not.toContain('did not stop in time');
    },
  );
});
