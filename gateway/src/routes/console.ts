import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export interface ConsoleRoutesOptions {
  /** The folder with index.html and assets/ (CONSOLE_DIR). */
  readonly dir: string;
}

/** Vite's content-hashed bundles: a changed file gets a new name, so they never go stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The HTML (and anything not hashed) is revalidated on every load, so a deploy shows at once. */
const REVALIDATE = 'no-cache';

/**
 * The content security policy of the console: its own scripts only, no inline script;
 * inline styles are allowed because Observable Plot styles its SVG with style attributes.
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * `GET /console/…`: the web console's static files (no API key: the page asks for one and
 * calls the public API with it); `/console` and `/console/` are the page. When the folder has no
 * build, `/console` answers 503 with a page saying how to build it, never a blank page.
 */
export async function consoleRoutes(
  app: FastifyInstance,
  options: ConsoleRoutesOptions,
): Promise<void> {
  const { dir } = options;
  if (!existsSync(join(dir, 'index.html'))) {
    app.log.warn(
      { consoleDir: dir },
      'The console is not built: /console answers 503 (run `node console/build.ts`, or set CONSOLE_DIR)',
    );
    const notBuilt = (_request: unknown, reply: FastifyReply) =>
      reply
        .code(503)
        .header('cache-control', REVALIDATE)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Console not built</title></head>' +
            '<body><h1>The console is not built</h1><p>Run <code>node console/build.ts</code> ' +
            '(<code>pnpm start</code> does it for you) and reload.</p></body></html>',
        );
    app.get('/console', notBuilt);
    app.get('/console/*', notBuilt);
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/console/',
    // The app ignores trailing slashes, so /console and /console/ are one route (below).
    index: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      void reply.header(
        'cache-control',
        path.startsWith(join(dir, 'assets')) ? IMMUTABLE : REVALIDATE,
      );
      void reply.header('content-security-policy', CSP);
      void reply.header('x-content-type-options', 'nosniff');
      void reply.header('referrer-policy', 'no-referrer');
    },
  });
  // Asset URLs in index.html are absolute (/console/assets/…), so it works at either URL.
  app.get('/console', (_request, reply) => reply.sendFile('index.html'));
}
