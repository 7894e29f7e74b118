import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assignedVariables,
  type ComposeConfig,
  interpolatedVariables,
  renderCompose,
} from '../validate/compose.ts';
import { REPO_ROOT } from '../validate/kubernetes.ts';

const APP_SERVICES = ['customer', 'outgoing', 'incoming', 'gateway'];
const DATABASE_SERVICES = ['customer', 'outgoing', 'incoming'];

let withDefaults: ComposeConfig;
let withExample: ComposeConfig;

beforeAll(async () => {
  // The Compose CLI validates the file against the Compose schema; a bad file throws here.
  [withDefaults, withExample] = await Promise.all([
    renderCompose(undefined),
    renderCompose('.env.example'),
  ]);
});

function env(config: ComposeConfig, service: string): Record<string, string> {
  const raw = config.services[service]?.environment ?? {};
  return Object.fromEntries(
    Object.entries(raw).map(([name, value]) => [name, String(value ?? '')]),
  );
}

describe('docker-compose.yml', () => {
  it('runs MySQL 8.4, the three services and the gateway', () => {
    expect(Object.keys(withDefaults.services).sort()).toEqual([...APP_SERVICES, 'mysql'].sort());
    expect(withDefaults.services['mysql']?.image).toBe('mysql:8.4');
  });

  it('publishes only the gateway', () => {
    for (const [name, service] of Object.entries(withDefaults.services)) {
      if (name === 'gateway') expect(service.ports).toHaveLength(1);
      else expect(service.ports ?? [], name).toEqual([]);
    }
  });

  it('builds each deployable from the one Dockerfile with its SERVICE', () => {
    for (const name of APP_SERVICES) {
      const build = withDefaults.services[name]?.build;
      expect(build?.context).toBe(REPO_ROOT);
      expect(build?.args?.['SERVICE']).toBe(name);
    }
  });

  it('starts services after a healthy MySQL and the gateway after healthy services', () => {
    for (const name of DATABASE_SERVICES) {
      expect(withDefaults.services[name]?.depends_on).toEqual({
        mysql: { condition: 'service_healthy' },
      });
    }
    expect(withDefaults.services['gateway']?.depends_on).toEqual(
      Object.fromEntries(DATABASE_SERVICES.map((name) => [name, { condition: 'service_healthy' }])),
    );
    for (const name of [...APP_SERVICES, 'mysql']) {
      expect(withDefaults.services[name]?.healthcheck?.test, name).toBeDefined();
    }
  });

  it('runs every deployable under an init process that forwards SIGTERM', () => {
    for (const name of APP_SERVICES) {
      expect(withDefaults.services[name]?.init, name).toBe(true);
      expect(withDefaults.services[name]?.stop_grace_period, name).toBeDefined();
    }
  });

  it('creates the databases and users with the init script on MySQL first start', () => {
    const volumes = withDefaults.services['mysql']?.volumes ?? [];
    const targets = volumes.map((volume) =>
      typeof volume === 'string' ? volume.split(':')[1] : volume.target,
    );
    expect(targets).toContain('/docker-entrypoint-initdb.d');
  });

  it('connects each service with its own MySQL user, whose password the init script sets', () => {
    for (const config of [withDefaults, withExample]) {
      const mysql = env(config, 'mysql');
      const users = DATABASE_SERVICES.map((name) => {
        const url = new URL(env(config, name)['MYSQL_URL'] ?? '');
        const prefix = name.toUpperCase();
        expect(url.hostname).toBe('mysql');
        expect(url.pathname).toBe('');
        expect(url.username).toBe(mysql[`${prefix}_DB_USER`]);
        expect(url.password).toBe(mysql[`${prefix}_DB_PASSWORD`]);
        return url.username;
      });
      expect(new Set(users).size).toBe(3);
    }
  });

  it('gives every service the same business calendar and database prefix', () => {
    for (const config of [withDefaults, withExample]) {
      const calendars = DATABASE_SERVICES.map((name) => env(config, name)['BUSINESS_CALENDAR']);
      expect(new Set(calendars).size).toBe(1);
      const prefixes = [...DATABASE_SERVICES, 'mysql'].map(
        (name) => env(config, name)['MYSQL_DATABASE_PREFIX'],
      );
      expect(new Set(prefixes).size).toBe(1);
    }
    const calendar = env(withExample, 'customer')['BUSINESS_CALENDAR'] ?? '';
    expect(JSON.parse(calendar)).toMatchObject({ timeZone: 'Asia/Kolkata' });
  });

  it('takes the API keys from the env file, with an example key when there is none', () => {
    expect(env(withExample, 'gateway')['GATEWAY_API_KEYS']).toBe(
      'replace-me-with-a-long-random-key,a-second-key-for-rotation',
    );
    expect(env(withDefaults, 'gateway')['GATEWAY_API_KEYS']).not.toBe('');
  });

  it('gives every service and the gateway the same INTERNAL_TOKEN from the env file, with an example one when there is none', () => {
    expect(APP_SERVICES.map((name) => env(withExample, name)['INTERNAL_TOKEN'])).toEqual(
      APP_SERVICES.map(() => 'replace-me-with-a-long-random-internal-token'),
    );
    const defaults = new Set(APP_SERVICES.map((name) => env(withDefaults, name)['INTERNAL_TOKEN']));
    expect(defaults.size).toBe(1);
    expect([...defaults][0]?.length).toBeGreaterThanOrEqual(16);
  });

  it('documents in .env.example every variable the compose file reads', () => {
    const composeText = readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
    const example = assignedVariables(readFileSync(join(REPO_ROOT, '.env.example'), 'utf8'));
    expect([...interpolatedVariables(composeText)].filter((name) => !example.has(name))).toEqual(
      [],
    );
  });
});
