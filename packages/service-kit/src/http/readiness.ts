import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { INSTANCE_ID_HEADER } from './instance-id.ts';
import { withTimeout } from '../with-timeout.ts';

/** A readiness check resolves when the dependency answers and rejects with the reason otherwise. */
export type ReadinessCheck = () => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Named checks behind `/readyz`; plugins add theirs (database, upstreams). */
    readinessChecks: Map<string, ReadinessCheck>;
  }
}

const CHECK_TIMEOUT_MS = 2_000;

export interface HealthOptions {
  /** Answered on `/healthz` in the `x-stack-instance` header when set (see instance-id.ts). */
  readonly instanceId?: string | undefined;
}

/**
 * `GET /healthz`: liveness, no I/O. `GET /readyz`: every readiness check, in parallel,
 * each bounded by a timeout; 200 when all pass, 503 naming the ones that failed.
 */
export const healthPlugin = fp(
  (app: FastifyInstance, options: HealthOptions) => {
    app.decorate('readinessChecks', new Map<string, ReadinessCheck>());
    const hidden = { schema: { hide: true } };
    const instanceId = options.instanceId;
    app.get('/healthz', hidden, (_request, reply) => {
      if (instanceId) void reply.header(INSTANCE_ID_HEADER, instanceId);
      return { status: 'ok' };
    });
    app.get('/readyz', hidden, async (_request, reply) => {
      const entries = [...app.readinessChecks.entries()];
      const results = await Promise.all(
        entries.map(async ([name, check]) => {
          try {
            await withTimeout(check(), CHECK_TIMEOUT_MS);
            return [name, 'ok'] as const;
          } catch (error) {
            return [name, (error as Error).message || 'failed'] as const;
          }
        }),
      );
      const ready = results.every(([, result]) => result === 'ok');
      if (!ready) void reply.code(503).header('retry-after', '5');
      return reply.send({
        status: ready ? 'ready' : 'unavailable',
        checks: Object.fromEntries(results),
      });
    });
  },
  { name: 'health', fastify: '5.x' },
);
