import { type ChildProcess, spawn } from 'node:child_process';

import { freePort, waitUntilReady } from '@screenmagic/service-kit/testing/net';

export { freePort };

/** A component of the stack running as a child process, as in production. */
export interface Child {
  readonly name: string;
  readonly url: string;
  readonly process: ChildProcess;
  /** SIGTERM (graceful shutdown), SIGKILL after 20 s. */
  stop(): Promise<void>;
}

/**
 * Starts `node <script>` on a free port with the given environment and waits until
 * `readyPath` answers 200. Its output is kept and printed if it dies.
 */
export async function startChild(
  name: string,
  script: string,
  env: Record<string, string>,
  readyPath = '/readyz',
): Promise<Child> {
  const port = await freePort();
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', (chunk: Buffer) => {
    keep(chunk);
    if (process.env['BENCH_DEBUG']) process.stderr.write(chunk);
  });
  child.once('exit', (code, signal) => {
    if (code !== 0 && code !== null && signal === null) {
      process.stderr.write(`${name} exited with ${code}:\n${output}\n`);
    }
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${url}${readyPath}`, {
    timeoutMs: 60_000,
    exited: () => child.exitCode !== null || child.signalCode !== null,
  });
  return {
    name,
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** JSON over fetch to a local component; throws unless the status is the expected one. */
export async function callJson<T>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
  expected: readonly number[] = [200, 201, 202],
): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(600_000),
  });
  const text = await response.text();
  if (!expected.includes(response.status)) {
    throw new Error(`${method} ${url} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return (text === '' ? undefined : JSON.parse(text)) as T;
}
