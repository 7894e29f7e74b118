/**
 * Builds the console into `console/dist/` when the build there is missing or was made from
 * other sources. "Other sources" is a content hash (not file times: CI runs under
 * libfaketime, and a fresh clone has no meaningful mtimes) of everything the bundle is made
 * from: this package's sources and configuration, and the typed client it imports. The hash
 * is written last, into `dist/.source-hash`, so an interrupted build is rebuilt.
 *
 * Used by `pnpm start` (scripts/start-stack.ts runs `node console/build.ts` before the
 * stack starts, which covers the e2e suite: its global setup starts the stack that way) and
 * by the Dockerfile's console stage. `node console/build.ts --force` always rebuilds.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
export const CONSOLE_DIST = join(here, 'dist');
const HASH_FILE = join(CONSOLE_DIST, '.source-hash');

/** Files and folders (relative to the repository) whose content makes the bundle. */
const INPUTS = [
  'console/src',
  'console/index.html',
  'console/vite.config.ts',
  'console/package.json',
  'console/build.ts',
  'packages/client/src',
  'pnpm-lock.yaml',
];

/** The hash of every input file's path and bytes, in a stable order. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => listFiles(join(root, input))).sort()) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) =>
    name === 'node_modules' || name.endsWith('.test.ts') ? [] : listFiles(join(path, name)),
  );
}

/** Whether `console/dist` was built from the current sources. */
export function isBuildCurrent(hash = sourceHash()): boolean {
  try {
    return readFileSync(HASH_FILE, 'utf8').trim() === hash;
  } catch {
    return false;
  }
}

/** Builds when stale (or always with `force`); returns whether it built. */
export async function ensureConsoleBuilt(options: { force?: boolean } = {}): Promise<boolean> {
  const hash = sourceHash();
  if (!options.force && isBuildCurrent(hash)) return false;
  const { build } = await import('vite');
  await build({ root: here, configFile: join(here, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(HASH_FILE, `${hash}\n`);
  return true;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const built = await ensureConsoleBuilt({ force: process.argv.includes('--force') });
  console.log(
    built
      ? `console: built into ${relative(process.cwd(), CONSOLE_DIST) || '.'} in ${Math.round(performance.now() - started)} ms`
      : 'console: the build in console/dist is current',
  );
}
