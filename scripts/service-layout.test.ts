import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The one layout of a service's `src/` (docs/architecture.md, "One layout"): the same
 * folders with the same meaning in every service. A service may lack a kind of part (the
 * customer service runs no worker), never name it differently.
 */
const FILES = ['app.ts', 'config.ts', 'server.ts'];
const SHARED = ['clients', 'db', 'domain', 'metrics', 'routes', 'schemas', 'views', 'workers'];
const EVERY_SERVICE_HAS = ['db', 'domain', 'routes', 'schemas', 'views'];
/** The use-case folders: one per resource, named after it (plural). */
const USE_CASES: Record<string, readonly string[]> = {
  customer: ['customers', 'calendars'],
  incoming: ['orders', 'inbound-messages'],
  outgoing: ['broadcasts', 'messages'],
};

const servicesDir = fileURLToPath(new URL('../services/', import.meta.url));
const services = readdirSync(servicesDir);

function sourcesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .filter((entry) => !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the services share one layout', () => {
  it('knows every service', () => {
    expect(services.toSorted()).toEqual(Object.keys(USE_CASES).toSorted());
  });

  for (const service of services) {
    const src = join(servicesDir, service, 'src');
    const entries = readdirSync(src, { withFileTypes: true });

    it(`${service}: src/ holds only the shared folders and its use cases`, () => {
      const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name);
      const files = entries.filter((e) => e.isFile()).map((e) => e.name);
      const allowed = [...SHARED, ...(USE_CASES[service] ?? [])];
      expect(folders.filter((name) => !allowed.includes(name))).toEqual([]);
      expect(folders).toEqual(
        expect.arrayContaining([...EVERY_SERVICE_HAS, ...(USE_CASES[service] ?? [])]),
      );
      expect(files.toSorted()).toEqual(FILES);
    });

    it(`${service}: domain/ is pure (no database, HTTP, other services or I/O; hashing is allowed)`, () => {
      const impure =
        /from '(kysely|fastify|mysql2|node:(?!crypto')[^']*|\.\.\/(db|clients|routes|workers|metrics)\/.*)'/;
      const offenders = sourcesIn(join(src, 'domain')).filter((file) =>
        impure.test(readFileSync(file, 'utf8')),
      );
      expect(offenders).toEqual([]);
    });

    it(`${service}: routes are registered one way, register<Name>Routes(app, deps)`, () => {
      for (const file of sourcesIn(join(src, 'routes'))) {
        const text = readFileSync(file, 'utf8');
        if (!/app\.(get|post|put|patch|delete)\(/.test(text)) continue;
        expect(text, file).toMatch(/export function register\w+Routes\(\s*app: App,/);
        expect(text, file).not.toMatch(/FastifyPluginCallback|fastify-plugin/);
      }
    });
  }
});
