import { cachedReading, type Clock } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import type { Database } from '../db/database.ts';
import { countOrderBacklog } from '../db/order-stats.ts';

/** Scrapes come every 15–30 s; one reading serves every gauge and scrape within this. */
const READING_TTL_MS = 5_000;

/**
 * The incoming service's metrics, in the app's registry, read at scrape time (at most once
 * per 5 s) from two index-only range counts:
 * - `screenmagic_orders{status="pending"}`: orders waiting for the business to open.
 *   Confirmed orders are history; counting them would grow with it (docs/decisions.md);
 * - `screenmagic_pending_overdue`: pending orders whose promised processing time has
 *   passed by the service's clock (the worker is behind, or cannot hand over).
 */
export function registerIncomingMetrics(
  registry: Registry,
  deps: { db: Kysely<Database>; clock: Clock; isReady: () => boolean; ttlMs?: number },
): void {
  const read = cachedReading(
    () => {
      if (!deps.isReady()) return Promise.reject(new Error('database not ready'));
      return countOrderBacklog(deps.db, deps.clock.now());
    },
    { ttlMs: deps.ttlMs ?? READING_TTL_MS },
  );
  new Gauge({
    name: 'screenmagic_orders',
    help: 'Orders by status (pending: waiting for the business to open)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const reading = await read();
      if (reading !== undefined) this.set({ status: 'pending' }, reading.pending);
    },
  });
  new Gauge({
    name: 'screenmagic_pending_overdue',
    help: 'Pending orders whose promised processing time has passed, by the service clock',
    registers: [registry],
    async collect() {
      const reading = await read();
      if (reading !== undefined) this.set(reading.overdue);
    },
  });
}
