/**
 * The image's file system without Docker: the Dockerfile's own steps (infra/docker/prune.ts,
 * then its `pnpm install` line, read from the Dockerfile, then the build stage's bundle,
 * made from what was laid out) run into a temporary directory, so a test can start the
 * deployable exactly as the image would (`node [flags] dist/server.js` in its folder,
 * production dependencies only, NODE_ENV=production).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundle } from '../build/bundle.ts';
import { type Deployable, prune } from '../docker/prune.ts';
import { parseDockerfile, readDockerfile } from './dockerfile.ts';
import { REPO_ROOT } from './kubernetes.ts';

const run = promisify(execFile);

export type { Deployable };

/** The Dockerfile's `pnpm install …` command (deps stage), without its throw-away store. */
export function dockerfileInstallCommand(): string {
  const deps = parseDockerfile(readDockerfile()).stages.find((stage) => stage.name === 'deps');
  const install = deps?.instructions.find(
    (instruction) => instruction.keyword === 'RUN' && instruction.args.startsWith('pnpm install'),
  );
  if (!install) throw new Error('the Dockerfile has no `RUN pnpm install` in its deps stage');
  const command = install.args.split('&&')[0]?.trim() ?? '';
  // The image installs from an empty store it then deletes; here the machine's store is warm.
  return command
    .replace(/--store-dir\s+\S+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The runtime stage's `CMD` (exec form), as the image runs it. */
export function dockerfileCmd(): string[] {
  const runtime = parseDockerfile(readDockerfile()).stages.at(-1);
  const cmd = runtime?.instructions.findLast((instruction) => instruction.keyword === 'CMD');
  if (!cmd) throw new Error('the Dockerfile has no CMD in its last stage');
  return JSON.parse(cmd.args) as string[];
}

export interface LaidOutImage {
  /** What the image's /app holds. */
  readonly root: string;
  /** `current`, the symlink to the deployable's folder (the image's working directory). */
  readonly workdir: string;
  remove(): void;
}

/** Builds the image's /app for one deployable in a temporary directory. */
export async function layOutImage(deployable: Deployable): Promise<LaidOutImage> {
  const scratch = mkdtempSync(join(tmpdir(), `screenmagic-image-${deployable}-`));
  const root = join(scratch, 'app');
  try {
    prune(REPO_ROOT, deployable, join(scratch, 'out'));
    cpSync(join(scratch, 'out', 'manifests'), root, { recursive: true });
    await run('sh', ['-c', dockerfileInstallCommand()], {
      cwd: root,
      env: { ...process.env, SERVICE: deployable, CI: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    });
    // verbatimSymlinks: keep `current` relative, as Docker's COPY does.
    cpSync(join(scratch, 'out', 'app'), root, { recursive: true, verbatimSymlinks: true });
    // The build stage: bundled from the laid-out sources and production dependencies (the
    // bundler itself is this repository's; in the image it lives in the build stage only).
    await bundle(root, deployable);
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  return {
    root,
    workdir: join(root, 'current'),
    remove: () => rmSync(scratch, { recursive: true, force: true }),
  };
}
