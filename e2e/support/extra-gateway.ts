import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stack } from './client.ts';
import { freePort } from '../../packages/service-kit/src/testing/net/index.ts';

const gatewayDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'gateway');

export interface ExtraGateway {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * A second gateway process (`node gateway/src/server.ts`, as its package starts it) in
 * front of the running stack's services, with other settings — e.g. a tiny
 * RATE_LIMIT_PER_MINUTE. Resolves once its /healthz answers.
 */
export async function startExtraGateway(env: Record<string, string>): Promise<ExtraGateway> {
  const { serviceUrls, apiKey, internalToken } = stack();
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['src/server.ts'], {
    cwd: gatewayDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CUSTOMER_SERVICE_URL: serviceUrls.customer,
      OUTGOING_SERVICE_URL: serviceUrls.outgoing,
      INCOMING_SERVICE_URL: serviceUrls.incoming,
      GATEWAY_API_KEYS: apiKey,
      INTERNAL_TOKEN: internalToken,
      GATEWAY_METRICS_PORT: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the extra gateway exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the extra gateway did not start within 20 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
