import { request } from 'node:http';
import { connect } from 'node:net';
import { INSTANCE_ID_HEADER } from '../packages/service-kit/src/http/instance-id.ts';

/** What is behind a local port, as seen by a client on this machine. */
export type PortAnswer =
  /** Nobody listens: the connection is refused. */
  | { readonly kind: 'free' }
  /** An HTTP server answered `GET /healthz`, with this instance id (if any). */
  | { readonly kind: 'answered'; readonly status: number; readonly instance: string | undefined }
  /** Something accepts connections but gave no HTTP answer in time (or hung up). */
  | { readonly kind: 'silent' };

/**
 * `GET http://127.0.0.1:<port>/healthz`, reporting who answered: a component started by
 * the stack runner answers with the instance id the runner gave it (see the kit's
 * instance-id.ts); another program answers without it, or not at all.
 */
export function probeHealth(port: number, timeoutMs = 2_000): Promise<PortAnswer> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/healthz',
        method: 'GET',
        agent: false,
        timeout: timeoutMs,
      },
      (response) => {
        const header = response.headers[INSTANCE_ID_HEADER];
        response.resume();
        resolve({
          kind: 'answered',
          status: response.statusCode ?? 0,
          instance: typeof header === 'string' ? header : undefined,
        });
        req.destroy();
      },
    );
    req.once('timeout', () => {
      req.destroy();
      resolve({ kind: 'silent' });
    });
    req.once('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ECONNREFUSED' ? { kind: 'free' } : { kind: 'silent' }),
    );
    req.end();
  });
}

/**
 * True when something accepts connections on the port at 127.0.0.1 or ::1 — where a
 * client's `localhost:<port>` lands. An address this machine does not have counts as free.
 */
export async function portTaken(port: number): Promise<boolean> {
  const answers = await Promise.all(['127.0.0.1', '::1'].map((host) => accepts(host, port)));
  return answers.some(Boolean);
}

function accepts(host: string, port: number, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(timeoutMs);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    // No handshake on loopback in time: no proof that anyone listens.
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A component the runner waits for: its port, and the instance id it must answer with. */
export interface ProbeTarget {
  readonly name: string;
  readonly port: number;
  readonly instance: string;
}

export type WaitOutcome =
  | { readonly kind: 'up' }
  | { readonly kind: 'abandoned' }
  /** Something other than the target answered on its port. */
  | { readonly kind: 'impostor'; readonly target: ProbeTarget; readonly status: number };

/**
 * Waits until every target answers `/healthz` on its port with its own instance id. An
 * HTTP answer without that id means another program holds the port (the one the user's
 * requests would reach): that ends the wait at once. A port that accepts connections
 * but never answers is reported through `onSilent` once, after `silentNoticeMs`, and
 * waited for (the component's own failure to listen ends the start).
 */
export async function waitUntilAnswering(
  targets: readonly ProbeTarget[],
  abandon: () => boolean,
  onSilent: (target: ProbeTarget) => void,
  silentNoticeMs = 10_000,
): Promise<WaitOutcome> {
  const pending = new Set(targets);
  const silentSince = new Map<ProbeTarget, number>();
  const noticed = new Set<ProbeTarget>();
  while (pending.size > 0) {
    if (abandon()) return { kind: 'abandoned' };
    for (const target of [...pending]) {
      const answer = await probeHealth(target.port);
      if (answer.kind === 'answered') {
        if (answer.instance !== target.instance) {
          return { kind: 'impostor', target, status: answer.status };
        }
        pending.delete(target);
      } else if (answer.kind === 'silent') {
        const since = silentSince.get(target) ?? performance.now();
        silentSince.set(target, since);
        if (!noticed.has(target) && performance.now() - since >= silentNoticeMs) {
          noticed.add(target);
          onSilent(target);
        }
      } else {
        silentSince.delete(target);
      }
    }
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return abandon() ? { kind: 'abandoned' } : { kind: 'up' };
}
