import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '@screenmagic/service-kit/core';
import { buildApp } from '../src/app.ts';
import { readGatewayConfig } from '../src/config.ts';
import { closedPortUrl } from './fake-services.ts';

// The console is static: no service needs to answer for it.
async function gatewayServing(consoleDir: string): Promise<App> {
  const down = (await closedPortUrl()).href;
  const app = await buildApp(
    readGatewayConfig({
      CUSTOMER_SERVICE_URL: down,
      OUTGOING_SERVICE_URL: down,
      INCOMING_SERVICE_URL: down,
      GATEWAY_API_KEYS: 'console-test-key-aaaaaaaa',
      GATEWAY_METRICS_PORT: '0',
      CONSOLE_DIR: consoleDir,
    }),
    false,
  );
  await app.ready();
  return app;
}

describe('GET /console', () => {
  let dir: string;
  let gateway: App;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'console-dist-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dir, 'assets', 'index-Ab12Cd.js'), 'console.log(1)');
    gateway = await gatewayServing(dir);
  });
  afterAll(async () => {
    await gateway?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the HTML without an API key, never cached, with a strict CSP', async () => {
    const response = await gateway.inject({ method: 'GET', url: '/console/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.body).toContain('<title>console</title>');
  });

  it('serves the same page at /console and /console/index.html', async () => {
    for (const url of ['/console', '/console/index.html']) {
      const response = await gateway.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.body, url).toContain('<title>console</title>');
    }
  });

  it('caches the hashed bundles for a year', async () => {
    const response = await gateway.inject({
      method: 'GET',
      url: '/console/assets/index-Ab12Cd.js',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers 404 for a file that is not there, and never serves outside the folder', async () => {
    expect((await gateway.inject({ method: 'GET', url: '/console/nope.js' })).statusCode).toBe(404);
    const escape = await gateway.inject({ method: 'GET', url: '/console/../package.json' });
    expect(escape.statusCode).not.toBe(200);
  });
});

describe('GET /console without a build', () => {
  it('answers 503 with a page that says how to build it', async () => {
    const gateway = await gatewayServing(join(tmpdir(), 'no-console-here'));
    try {
      for (const url of ['/console', '/console/', '/console/assets/x.js']) {
        const response = await gateway.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(503);
        expect(response.headers['content-type']).toMatch(/^text\/html/);
        expect(response.body).toContain('node console/build.ts');
      }
    } finally {
      await gateway.close();
    }
  });
});
