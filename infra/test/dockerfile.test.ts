import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  argDefault,
  lintDockerfile,
  parseDockerfile,
  readDockerfile,
  type Stage,
} from '../validate/dockerfile.ts';
import { REPO_ROOT } from '../validate/kubernetes.ts';

const text = readDockerfile();
const dockerfile = parseDockerfile(text);
const runtime = dockerfile.stages.at(-1) as Stage;

function instructions(stage: Stage, keyword: string): string[] {
  return stage.instructions
    .filter((instruction) => instruction.keyword === keyword)
    .map((i) => i.args);
}

function rootPackage(): { packageManager: string } {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    packageManager: string;
  };
}

describe('Dockerfile', () => {
  it('passes the Dockerfile linter', () => {
    expect(lintDockerfile(text)).toEqual([]);
  });

  it('builds every stage from node:24-slim', () => {
    expect(dockerfile.globalArgs.get('NODE_IMAGE')).toBe('node:24-slim');
    expect(dockerfile.stages.map((stage) => stage.from)).toEqual(
      dockerfile.stages.map(() => '${NODE_IMAGE}'),
    );
  });

  it('installs the pnpm version pinned in package.json, with npm rather than corepack', () => {
    const deps = dockerfile.stages.find((stage) => stage.name === 'deps') as Stage;
    expect(`pnpm@${argDefault(deps, 'PNPM_VERSION')}`).toBe(rootPackage().packageManager);
    expect(instructions(deps, 'RUN').join('\n')).toContain('npm install --global');
    expect(text).not.toMatch(/^\s*RUN.*corepack/m);
  });

  it('installs production dependencies only, from the frozen lockfile, for one deployable', () => {
    const deps = dockerfile.stages.find((stage) => stage.name === 'deps') as Stage;
    const install = instructions(deps, 'RUN').find((args) => args.startsWith('pnpm install'));
    expect(install).toMatch(/--prod\b/);
    expect(install).toMatch(/--frozen-lockfile\b/);
    expect(install).toContain('--filter "@screenmagic/${SERVICE}..."');
    expect(text).not.toMatch(/^\s*RUN.*pnpm deploy/m);
  });

  it('builds the console in a stage of its own, for the gateway only, and keeps only its files', () => {
    const stage = dockerfile.stages.find((s) => s.name === 'console') as Stage;
    const run = instructions(stage, 'RUN').join('\n');
    expect(run).toContain('"${SERVICE}" = "gateway"');
    expect(run).toContain('--frozen-lockfile');
    expect(run).toContain('node console/build.ts --force');
    expect(`pnpm@${argDefault(stage, 'PNPM_VERSION')}`).toBe(rootPackage().packageManager);
    // The gateway's CONSOLE_DIR default: console/dist beside gateway/ (gateway/src/config.ts).
    expect(instructions(runtime, 'COPY')).toContain(
      '--from=console /src/console/dist/ ./console/dist/',
    );
  });

  it('bundles the deployable in a build stage of its own (the bundler stays out of the runtime)', () => {
    const build = dockerfile.stages.find((stage) => stage.name === 'build') as Stage;
    expect(instructions(build, 'RUN').at(-1)).toBe(
      'node infra/build/bundle.ts "${SERVICE}" --into /out',
    );
    expect(instructions(runtime, 'COPY')).toContain('--from=build /out/ ./');
    expect(instructions(runtime, 'COPY').join('\n')).not.toContain('infra/build');
  });

  it('runs node on the bundle, as the unprivileged node user', () => {
    expect(instructions(runtime, 'USER')).toEqual(['node']);
    // exec: the shell is replaced by node, which then receives SIGTERM itself.
    expect(instructions(runtime, 'CMD')).toEqual([
      '["/bin/sh", "-c", "exec node $(cat .node-flags) dist/server.js"]',
    ]);
    expect(instructions(runtime, 'ENTRYPOINT')).toEqual([]);
    expect(instructions(runtime, 'ENV').join(' ')).toContain('NODE_ENV=production');
    expect(
      runtime.instructions.some((i) => i.keyword === 'RUN' && /\bpnpm\b|\bnpm\b/.test(i.args)),
    ).toBe(false);
  });

  it('checks liveness with a node one-liner fetching /healthz', () => {
    const [healthcheck] = instructions(runtime, 'HEALTHCHECK');
    const exec = /CMD\s+(\[.*\])$/.exec(healthcheck ?? '')?.[1];
    const command = JSON.parse(exec ?? 'null') as string[];
    expect(command.slice(0, 2)).toEqual(['node', '-e']);
    expect(command[2]).toContain('/healthz');
  });

  it('writes every exec-form instruction as valid JSON', () => {
    for (const stage of dockerfile.stages) {
      for (const instruction of stage.instructions) {
        const exec = /(?:^|\s)(\[.*\])$/.exec(instruction.args)?.[1];
        if (
          ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(instruction.keyword) &&
          exec !== undefined
        ) {
          expect(() => JSON.parse(exec) as unknown, `line ${instruction.line}`).not.toThrow();
        }
      }
    }
  });

  it('keeps node_modules, git history and local secrets out of the build context', () => {
    const ignored = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const pattern of ['**/node_modules', '**/dist', '.git', '.env']) {
      expect(ignored).toContain(pattern);
    }
    // What prune.ts reads must stay in the context.
    for (const pattern of ignored.filter((line) => line && !line.startsWith('#'))) {
      expect([
        'packages',
        'services',
        'gateway',
        'scripts',
        'infra',
        'infra/docker',
        'infra/build',
        'pnpm-lock.yaml',
      ]).not.toContain(pattern.replace(/\/$/, ''));
    }
  });
});
