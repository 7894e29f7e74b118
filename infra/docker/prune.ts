/**
 * Lays out what one deployable's image needs, in the workspace's own layout (the bundle
 * finds the packages it keeps outside, and the files its modules read, where the sources
 * would: infra/build/bundle.ts).
 *
 *   node infra/docker/prune.ts <customer|outgoing|incoming|gateway> <source root> <out>
 *
 * Writes two trees:
 * - `<out>/manifests`: the lockfile, the workspace file, `.npmrc` and every workspace
 *   package's `package.json` — all that `pnpm install --frozen-lockfile` reads, so the
 *   install layer is cached until a dependency changes;
 * - `<out>/app`: the sources of the deployable and of the workspace packages it depends
 *   on (production dependencies only, transitively), tests left out — what the build
 *   stage bundles, and what `scripts/migrate.ts` (copied for the services) runs —,
 *   `current`, a symlink to the deployable's folder (the image's working directory), and
 *   in that folder `.node-flags`, the Node flags of its `start` script.
 *
 * The Dockerfile runs it, and so does `infra/validate/image-layout.ts`, which then starts
 * the result: what CI checks is what the image holds.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import {
  GATEWAY,
  SERVICE_NAMES,
  SERVICES,
  type ServiceName,
} from '../../packages/service-kit/src/contracts/services.ts';

export type Deployable = ServiceName | 'gateway';

/**
 * Where each deployable lives: the services and the gateway of the one list of the
 * stack's components (contracts/services.ts, read by path: this runs before any install).
 */
export const DEPLOYABLES: Readonly<Record<Deployable, string>> = Object.freeze({
  ...(Object.fromEntries(SERVICE_NAMES.map((name) => [name, SERVICES[name].dir])) as Record<
    ServiceName,
    string
  >),
  gateway: GATEWAY.dir,
});

interface Manifest {
  readonly name: string;
  readonly dependencies?: Record<string, string>;
  readonly scripts?: Record<string, string>;
}

const START_SCRIPT = /^node((?:\s+--[A-Za-z0-9-]+(?:=\S+)?)*)\s+dist\/server\.js$/;

/**
 * The Node flags of the deployable's `start` script (`node [--flags] dist/server.js`), which
 * the image runs without pnpm: e.g. the gateway's V8 heap settings. Any other form of start
 * script is an error, so the image cannot silently run something else than `pnpm start`.
 */
export function startFlags(root: string, deployable: Deployable): string {
  const start =
    readManifest(join(root, DEPLOYABLES[deployable], 'package.json')).scripts?.['start'] ?? '';
  const match = START_SCRIPT.exec(start.trim());
  if (!match) {
    throw new Error(
      `${DEPLOYABLES[deployable]}/package.json: scripts.start must be \`node [--flags] dist/server.js\`, got '${start}'`,
    );
  }
  return (match[1] ?? '').trim();
}

/** Every workspace package (the globs of pnpm-workspace.yaml: `dir/*` or `dir`). */
export function workspacePackages(root: string): Map<string, string> {
  const text = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const globs: string[] = [];
  let inPackages = false;
  for (const line of text.split('\n')) {
    if (/^packages:\s*$/.test(line)) inPackages = true;
    else if (/^\S/.test(line)) inPackages = false;
    else if (inPackages) {
      const match = /^\s+-\s+['"]?([^'"\s]+)['"]?\s*$/.exec(line);
      if (match?.[1]) globs.push(match[1]);
    }
  }
  const packages = new Map<string, string>();
  for (const glob of globs) {
    const dirs = glob.endsWith('/*')
      ? readdirSync(join(root, glob.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => join(glob.slice(0, -2), entry.name))
      : [glob];
    for (const dir of dirs) {
      const manifestPath = join(root, dir, 'package.json');
      if (!existsSync(manifestPath)) continue;
      packages.set(readManifest(manifestPath).name, dir);
    }
  }
  return packages;
}

/** The deployable's directory and the workspace packages it needs at run time. */
export function runtimeClosure(root: string, deployable: Deployable): string[] {
  const packages = workspacePackages(root);
  const seen = new Set<string>();
  const visit = (dir: string): void => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const manifest = readManifest(join(root, dir, 'package.json'));
    for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
      const dependency = packages.get(name);
      if (range.startsWith('workspace:') && dependency !== undefined) visit(dependency);
    }
  };
  visit(DEPLOYABLES[deployable]);
  return [...seen].sort();
}

export function prune(root: string, deployable: Deployable, out: string): void {
  const manifests = join(out, 'manifests');
  const app = join(out, 'app');
  for (const file of ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', '.npmrc']) {
    copyFile(join(root, file), join(manifests, file));
  }
  for (const dir of workspacePackages(root).values()) {
    copyFile(join(root, dir, 'package.json'), join(manifests, dir, 'package.json'));
  }
  for (const dir of runtimeClosure(root, deployable)) {
    cpSync(join(root, dir, 'src'), join(app, dir, 'src'), {
      recursive: true,
      filter: (path) => !path.endsWith('.test.ts') && !path.split(/[\\/]/).includes('node_modules'),
    });
  }
  if (deployable !== 'gateway') {
    copyFile(join(root, 'scripts', 'migrate.ts'), join(app, 'scripts', 'migrate.ts'));
  } else {
    // The public API description the gateway serves (gateway/src/routes/openapi.ts).
    copyFile(join(root, 'openapi.json'), join(app, 'openapi.json'));
  }
  // /app/current -> the deployable's folder: one WORKDIR and CMD for every image.
  symlinkSync(DEPLOYABLES[deployable], join(app, 'current'));
  writeFileSync(
    join(app, DEPLOYABLES[deployable], '.node-flags'),
    `${startFlags(root, deployable)}\n`,
  );
}

function copyFile(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to);
}

function readManifest(path: string): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

function isDeployable(value: string | undefined): value is Deployable {
  return value !== undefined && Object.hasOwn(DEPLOYABLES, value);
}

if (import.meta.main) {
  const [deployable, root, out] = process.argv.slice(2);
  if (!isDeployable(deployable) || root === undefined || out === undefined) {
    process.stderr.write(
      `usage: node infra/docker/prune.ts <${Object.keys(DEPLOYABLES).join('|')}> <source root> <out>` +
        ` (got '${deployable ?? ''}')\n`,
    );
    process.exit(64);
  }
  prune(root, deployable, out);
  process.stdout.write(
    `prune: ${deployable}: ${runtimeClosure(root, deployable)
      .map((dir) => relative('.', dir) || dir)
      .join(', ')}\n`,
  );
}
