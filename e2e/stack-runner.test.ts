import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  defaultComponents,
  startArgs,
  startStack,
  type StackComponent,
} from '../scripts/stack-runner.ts';
import { withInternalToken } from '../scripts/internal-token.ts';
import { freePort } from '../packages/service-kit/src/testing/net/index.ts';

// Stand-ins for services: they print, then wait for a signal (or die on their own).
// (The handler is in place before the first line, which the tests wait for.)
const LONG_RUNNING = `
  process.on('SIGTERM', () => { console.log('got SIGTERM'); process.exit(0); });
  console.log('listening on ' + process.env.PORT + ' with ' + process.env.SHARED);
  setInterval(() => {}, 1000);
`;
const DIES_SOON = `console.error('cannot start'); setTimeout(() => process.exit(3), 200);`;
// A stand-in that really listens on its PORT until SIGTERM, answering /healthz with the
// instance id the runner gave it, as every component does (the kit's health plugin).
const LISTENING = `
  const server = require('node:http')
    .createServer((req, res) => {
      res.setHeader('x-stack-instance', process.env.STACK_INSTANCE_ID);
      res.end('{"status":"ok"}');
    })
    .listen(Number(process.env.PORT), '127.0.0.1');
  process.on('SIGTERM', () => { console.log('got SIGTERM'); server.close(); process.exit(0); });
  console.log('pid ' + process.pid);
`;
// Some other HTTP server on the port: it answers, but without this run's instance id.
const IMPOSTOR = `
  require('node:http').createServer((req, res) => res.end('{"status":"ok"}'))
    .listen(Number(process.env.PORT), '127.0.0.1');
  process.on('SIGTERM', () => process.exit(0));
`;
/**
 * The impostor, answering only once the program on `port` accepts connections (so that
 * one has its SIGTERM handler: on a busy machine the impostor could otherwise be seen, and
 * the stack stopped, before the other had run a line).
 */
const impostorAfter = (port: number) => `
  const poll = setInterval(() => {
    const socket = require('node:net').connect(${port}, '127.0.0.1');
    socket.on('error', () => {});
    socket.on('connect', () => {
      socket.destroy();
      clearInterval(poll);
      ${IMPOSTOR}
    });
  }, 20);
`;
// Waits until another program takes its port, then fails to listen there, as a service
// whose port was taken after the runner's check does (EADDRINUSE, exit 1).
const LOSES_ITS_PORT = `
  const port = Number(process.env.PORT);
  console.log('waiting');
  const poll = setInterval(() => {
    const socket = require('node:net').connect(port, '127.0.0.1');
    socket.on('error', () => {});
    socket.on('connect', () => {
      socket.destroy();
      clearInterval(poll);
      require('node:http').createServer().listen(port, '127.0.0.1').on('error', (error) => {
        console.error('could not listen: ' + error.code);
        process.exit(1);
      });
    });
  }, 50);
  process.on('SIGTERM', () => process.exit(0));
`;

function component(name: string, script: string, port: string): StackComponent {
  return { name, cwd: tmpdir(), args: ['-e', script], env: { PORT: port } };
}

/** A plain TCP listener holding a port, as another program would. */
async function holdPort(port: number): Promise<Server> {
  const server = createServer((socket) => socket.on('error', () => {}));
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the stack runner', () => {
  it('prefixes each process’s output, gives each its own PORT, and stops them all cleanly', async () => {
    const [customerPort, gatewayPort] = [await freePort(), await freePort()];
    const out = capture();
    const running = startStack({
      components: [
        component('customer', LONG_RUNNING, String(customerPort)),
        component('gateway', LONG_RUNNING, String(gatewayPort)),
      ],
      env: { ...process.env, SHARED: 'same-env' },
      stdout: out.stream,
      stderr: out.stream,
    });
    await until(
      () =>
        out.text().includes('[gateway]  listening') && out.text().includes('[customer] listening'),
    );
    expect(out.text()).toContain(`[customer] listening on ${customerPort} with same-env`);
    expect(out.text()).toContain(`[gateway]  listening on ${gatewayPort} with same-env`);

    expect(await running.stop('SIGTERM')).toBe(0);
    expect(out.text()).toContain('[customer] got SIGTERM');
    expect(out.text()).toContain('[gateway]  got SIGTERM');
  });

  it('stops the others and exits non-zero when one process dies while the stack starts', async () => {
    const out = capture();
    const running = startStack({
      components: [component('customer', LONG_RUNNING, '1'), component('outgoing', DIES_SOON, '2')],
      env: process.env,
      stdout: out.stream,
      stderr: out.stream,
    });
    expect(await running.exited).not.toBe(0);
    expect(out.text()).toContain('[outgoing] cannot start');
    expect(out.text()).toMatch(/outgoing exited unexpectedly \(code 3\) while starting/);
    expect(out.text()).toContain('[customer] got SIGTERM');
  });

  it('keeps the others running when one dies after the stack is up, as docker compose does', async () => {
    const [customerPort, gatewayPort] = [await freePort(), await freePort()];
    const out = capture();
    const running = startStack({
      components: [
        component('customer', LISTENING, String(customerPort)),
        component('gateway', LISTENING, String(gatewayPort)),
      ],
      env: process.env,
      stdout: out.stream,
      stderr: out.stream,
    });
    await until(() => out.text().includes('[stack] up: every component is listening'));
    const customerPid = Number(/\[customer\] pid (\d+)/.exec(out.text())?.[1]);
    process.kill(customerPid, 'SIGKILL');
    await until(() => out.text().includes('the others keep running'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(out.text()).not.toContain('[gateway]  got SIGTERM');

    expect(await running.stop('SIGINT')).toBe(1); // a component died: not a clean run
    expect(out.text()).toContain('[gateway]  got SIGTERM');
  });

  it('starts nothing when a port is held by another program, and names the port', async () => {
    const [customerPort, gatewayPort] = [await freePort(), await freePort()];
    const other = await holdPort(gatewayPort);
    try {
      const out = capture();
      const running = startStack({
        components: [
          component('customer', LISTENING, String(customerPort)),
          component('gateway', LISTENING, String(gatewayPort)),
        ],
        env: process.env,
        stdout: out.stream,
        stderr: out.stream,
      });
      expect(await running.exited).toBe(1);
      expect(out.text()).toContain(
        `[stack] port ${gatewayPort} (gateway) is already in use by another program`,
      );
      expect(out.text()).not.toContain(`port ${customerPort}`);
      expect(out.text()).not.toContain('[stack] started');
      expect(out.text()).not.toContain('up:');
    } finally {
      other.close();
    }
  });

  it('is not up while another program answers on a component’s port, and stops naming it', async () => {
    const [customerPort, gatewayPort] = [await freePort(), await freePort()];
    const out = capture();
    const running = startStack({
      components: [
        component('customer', LISTENING, String(customerPort)),
        component('gateway', impostorAfter(customerPort), String(gatewayPort)),
      ],
      env: process.env,
      stdout: out.stream,
      stderr: out.stream,
    });
    expect(await running.exited).toBe(1);
    expect(out.text()).toContain(
      `[stack] port ${gatewayPort} answers (HTTP 200), but not as the gateway this run started`,
    );
    expect(out.text()).not.toContain('up:');
    expect(out.text()).toContain('[customer] got SIGTERM');
  });

  it('names the port when a component cannot listen because another program took it meanwhile', async () => {
    const [customerPort, busyPort] = [await freePort(), await freePort()];
    const out = capture();
    const running = startStack({
      components: [
        component('customer', LISTENING, String(customerPort)),
        component('busy', LOSES_ITS_PORT, String(busyPort)),
      ],
      env: process.env,
      stdout: out.stream,
      stderr: out.stream,
    });
    await until(() => out.text().includes('[busy]     waiting'));
    const other = await holdPort(busyPort);
    try {
      expect(await running.exited).toBe(1);
    } finally {
      other.close();
    }
    expect(out.text()).toContain('[busy]     could not listen: EADDRINUSE');
    expect(out.text()).toContain(
      `[stack] port ${busyPort} is in use by another program: busy could not listen on it`,
    );
    expect(out.text()).not.toContain('up:');
  });

  it('kills a process that ignores SIGTERM after the timeout', async () => {
    const stubborn = `process.on('SIGTERM', () => console.log('ignoring')); console.log('up'); setInterval(() => {}, 1000);`;
    const out = capture();
    const running = startStack({
      components: [component('stubborn', stubborn, '1')],
      env: process.env,
      stdout: out.stream,
      stderr: out.stream,
      stopTimeoutMs: 300,
    });
    await until(() => out.text().includes('[stubborn] up'));
    expect(await running.stop()).toBe(1);
    expect(out.text()).toContain('did not stop in time');
  });

  it('listens on the ports of the service URLs it is given, the gateway on GATEWAY_PORT or PORT', () => {
    const ports = (env: NodeJS.ProcessEnv) =>
      Object.fromEntries(defaultComponents('/repo', env).map((c) => [c.name, c.env?.['PORT']]));
    expect(ports({})).toEqual({
      customer: '3001',
      outgoing: '3002',
      incoming: '3003',
      gateway: '8080',
    });
    expect(
      ports({
        CUSTOMER_SERVICE_URL: 'http://127.0.0.1:4001',
        INCOMING_SERVICE_URL: 'http://incoming:80',
        PORT: '9000',
      }),
    ).toEqual({ customer: '4001', outgoing: '3002', incoming: '80', gateway: '9000' });
    expect(ports({ GATEWAY_PORT: '9100', PORT: '9000' })['gateway']).toBe('9100');
    expect(defaultComponents('/repo', {}).map((c) => [c.cwd, c.args.join(' ')])).toEqual([
      ['/repo/services/customer', 'dist/server.js'],
      ['/repo/services/outgoing', 'dist/server.js'],
      ['/repo/services/incoming', 'dist/server.js'],
      ['/repo/gateway', 'dist/server.js'],
    ]);
  });

  it('binds the services to loopback whatever HOST says; only the gateway follows HOST', () => {
    for (const env of [{}, { HOST: '0.0.0.0' }, { HOST: '::' }]) {
      const components = defaultComponents('/repo', env);
      const host = (name: string) => components.find((c) => c.name === name)?.env?.['HOST'];
      expect(['customer', 'outgoing', 'incoming'].map(host)).toEqual([
        '127.0.0.1',
        '127.0.0.1',
        '127.0.0.1',
      ]);
      // The component's own variables win over the shared environment (see startStack).
      expect(host('gateway')).toBeUndefined();
    }
  });

  it('gives every component the same INTERNAL_TOKEN: the given one, else a new random one per run', () => {
    const first = withInternalToken({ PATH: '/bin' })['INTERNAL_TOKEN'];
    const second = withInternalToken({ PATH: '/bin' })['INTERNAL_TOKEN'];
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
    expect(withInternalToken({ INTERNAL_TOKEN: 'given-token-0123456789' })['INTERNAL_TOKEN']).toBe(
      'given-token-0123456789',
    );
    expect(withInternalToken({ INTERNAL_TOKEN: ' ' })['INTERNAL_TOKEN']).toMatch(/^[\w-]{43}$/);
  });

  it('runs each component with the Node arguments of its own start script', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..');
    expect(startArgs(join(root, 'gateway')).at(-1)).toBe('dist/server.js');
    expect(startArgs(join(root, 'gateway'))).toContain('--max-old-space-size=128');
    expect(startArgs(join(root, 'services', 'customer'))).toEqual([
      '--max-old-space-size=128',
      '--max-semi-space-size=4',
      'dist/server.js',
    ]);
    expect(startArgs('/nowhere')).toEqual(['dist/server.js']);
  });
});
