import { unavailable } from '../errors.ts';
import type { App } from '../http/create-app.ts';
import type { ManagedDatabase } from './managed-database.ts';

const ALWAYS_SERVED = new Set(['/healthz', '/readyz', '/metrics', '/openapi.json']);

/**
 * Ties a ManagedDatabase to an app's lifecycle: migrated when the app is ready, closed
 * when it closes, a `database` readiness check, and a 503 (not a 500) for requests that
 * arrive while the schema is not ready yet.
 */
export function useDatabase<DB>(app: App, database: ManagedDatabase<DB>): void {
  app.readinessChecks.set('database', () => database.check());
  app.addHook('onReady', () => database.start());
  app.addHook('onClose', () => database.close());
  app.addHook('onRequest', (request, _reply, done) => {
    if (database.isReady || ALWAYS_SERVED.has(request.url.split('?')[0] ?? '')) return done();
    done(unavailable('DATABASE_UNAVAILABLE', 'The database is not ready yet; retry later'));
  });
}
