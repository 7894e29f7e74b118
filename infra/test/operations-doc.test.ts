import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignedVariables } from '../validate/compose.ts';
import { REPO_ROOT } from '../validate/kubernetes.ts';

/** The files where components read their environment. */
function configFiles(): string[] {
  const files = [
    'gateway/src/config.ts',
    ...readdirSync(join(REPO_ROOT, 'packages/service-kit/src/config')).map(
      (f) => `packages/service-kit/src/config/${f}`,
    ),
    ...readdirSync(join(REPO_ROOT, 'services')).map(
      (service) => `services/${service}/src/config.ts`,
    ),
  ];
  return files.filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
}

function variablesReadIn(file: string): string[] {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  return [
    ...text.matchAll(/(?:env\w*\(\s*env,\s*|env\[|new ConfigError\(\s*)'([A-Z][A-Z0-9_]+)'/g),
  ].map((match) => match[1] ?? '');
}

describe('docs/operations.md', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'operations.md'), 'utf8');

  it('describes every environment variable a component reads', () => {
    const read = new Set(configFiles().flatMap(variablesReadIn));
    expect(read.size).toBeGreaterThan(20);
    expect([...read].filter((name) => !doc.includes(`\`${name}\``)).sort()).toEqual([]);
  });

  it('describes every variable of .env.example', () => {
    const example = assignedVariables(readFileSync(join(REPO_ROOT, '.env.example'), 'utf8'));
    expect([...example].filter((name) => !doc.includes(name)).sort()).toEqual([]);
  });
});
