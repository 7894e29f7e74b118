/**
 * The build step: one JavaScript bundle per deployable, what `pnpm start`, the container
 * image and the benchmarks run (`node [flags] dist/server.js`). Tests keep running the
 * TypeScript sources.
 *
 *   node infra/build/bundle.ts [customer|outgoing|incoming|gateway …] [--into <root>]
 *
 * Why (README, Benchmarks: memory): running the sources made every process pay for Node's
 * type stripping at run time (its compiler, loaded with the first `.ts` file) and for a
 * module graph of about 1,600 files (a module record, a compiled wrapper and the source text
 * each); the bundle is one file of plain JavaScript. The workspace packages and the npm
 * dependencies are bundled; left outside are Node's built-ins and the packages below,
 * which read their own files at run time. Lazy `import()`s stay lazy (their own chunks).
 *
 * One chunk per npm package (`dist/chunks/<package>.js`), the workspace's own code in
 * `server.js`: V8 compiles each module as a whole, and the memory a compilation takes
 * (about 3.5 bytes per byte of source) stays with the process afterwards, freed but not
 * given back by the C allocator. One 4 MB module cost 15 MB that way; the largest package
 * (iconv-lite, 0.5 MB) costs 2 MB, and the next module reuses it (README, Benchmarks:
 * memory). A chunk named after its package also says where a stack frame is.
 *
 * `import.meta.url` in the workspace's own modules keeps meaning the source file's location
 * (rewritten relative to the chunk it lands in), so a module that reads a file beside it (the
 * gateway's openapi.json) or loads a package lazily with `createRequire(import.meta.url)`
 * (hours-window's holiday data set) finds it from the bundle too, in the workspace and in
 * the image, which keeps the workspace layout.
 *
 * Files are written to a temporary name and renamed, `server.js` last, so a process
 * starting while another build runs reads either the old bundle or the new one.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { rolldown, type Plugin } from 'rolldown';
import { DEPLOYABLES, type Deployable } from '../docker/prune.ts';

/** Where the bundle of a deployable goes, relative to its folder; its entry is `server.js`. */
export const BUNDLE_DIR = 'dist';

/**
 * Packages kept out of the bundle: they read files of their own package at run time
 * (@fastify/swagger-ui serves its static assets from its folder). Each must be a direct
 * dependency of the deployable, so that Node resolves it from the bundle's folder.
 */
const RUNTIME_EXTERNALS: Readonly<Record<Deployable, readonly string[]>> = {
  customer: [],
  outgoing: [],
  incoming: [],
  gateway: ['@fastify/swagger-ui'],
};

export interface BundleResult {
  readonly deployable: Deployable;
  /** The entry file written (`<root>/<deployable folder>/dist/server.js`). */
  readonly entry: string;
  readonly files: number;
  readonly bytes: number;
  /** Every file is ASCII only (else V8 would hold its source at two bytes a character). */
  readonly ascii: boolean;
  readonly ms: number;
}

/**
 * Bundles one deployable from the sources under `root` into `<into>/<its folder>/dist`
 * (`into` defaults to `root`: next to its sources).
 */
export async function bundle(
  root: string,
  deployable: Deployable,
  into: string = root,
): Promise<BundleResult> {
  const started = performance.now();
  const packageDir = join(root, DEPLOYABLES[deployable]);
  const outDir = join(into, DEPLOYABLES[deployable], BUNDLE_DIR);
  const externals = RUNTIME_EXTERNALS[deployable];
  const build = await rolldown({
    input: { server: join(packageDir, 'src', 'server.ts') },
    cwd: root,
    platform: 'node',
    logLevel: 'warn',
    // The entry's exports are nobody's business: it is run, not imported.
    preserveEntrySignatures: false,
    external: (id) => externals.some((name) => id === name || id.startsWith(`${name}/`)),
    plugins: [sourceLocationOfImportMeta(root, join(root, DEPLOYABLES[deployable], BUNDLE_DIR))],
  });
  let output;
  try {
    ({ output } = await build.generate({
      format: 'esm',
      entryFileNames: '[name].js',
      // No content hash: a rebuild replaces the same files instead of adding new ones.
      chunkFileNames: 'chunks/[name].js',
      codeSplitting: {
        // A package's modules make its chunk; what they import stays in its own package's.
        includeDependenciesRecursively: false,
        groups: [{ name: packageOf, debugName: 'npm package' }],
      },
      // Readable stack traces without source maps (see docs/decisions.md).
      minify: false,
      // Node keeps a module's source in memory for as long as it runs (functions are
      // compiled lazily from it), and one non-ASCII character makes V8 hold all of it as
      // two bytes a character: comments out (the packages' licences ship in the image's
      // node_modules), the rest escaped to ASCII. Measured: −5.5 MB per process.
      comments: false,
      charset: 'ascii',
    }));
  } finally {
    await build.close();
  }
  let bytes = 0;
  let ascii = true;
  const entryLast = [...output].sort(
    (a, b) => Number(a.fileName === 'server.js') - Number(b.fileName === 'server.js'),
  );
  for (const file of entryLast) {
    const target = join(outDir, file.fileName);
    const content = file.type === 'chunk' ? file.code : file.source;
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    // eslint-disable-next-line no-control-regex
    if (typeof content === 'string' && /[^\x00-\x7f]/.test(content)) ascii = false;
    mkdirSync(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  }
  return {
    deployable,
    entry: join(outDir, 'server.js'),
    files: output.length,
    bytes,
    ascii,
    ms: Math.round(performance.now() - started),
  };
}

/** Bundles every deployable (or the ones named), one after the other. */
export async function bundleAll(
  root: string,
  deployables: readonly Deployable[] = Object.keys(DEPLOYABLES) as Deployable[],
  into: string = root,
): Promise<BundleResult[]> {
  const results: BundleResult[] = [];
  for (const deployable of deployables) results.push(await bundle(root, deployable, into));
  return results;
}

/** The npm package a module belongs to (`@scope/name` or `name`), or null for the workspace's. */
function packageOf(id: string): string | null {
  const at = id.lastIndexOf(`${sep}node_modules${sep}`);
  if (at < 0) return null;
  const [first, second] = id.slice(at + 14).split(sep);
  if (first === undefined) return null;
  return first.startsWith('@') && second !== undefined ? `${first}/${second}` : first;
}

/** Marks a source location in transformed code until the chunk it lands in is known. */
const SOURCE_MARK = '__screenmagic_source__/';

/**
 * `import.meta.url` in a workspace module becomes the URL of its source file, computed from
 * the URL of the chunk it lands in (`new URL('../src/routes/openapi.ts', import.meta.url)`):
 * the path between the two is the same wherever the tree is copied (workspace, image).
 */
function sourceLocationOfImportMeta(root: string, outDir: string): Plugin {
  return {
    name: 'screenmagic:source-import-meta-url',
    transform(code, id) {
      if (!code.includes('import.meta.url')) return null;
      if (id.split(sep).includes('node_modules') || !id.startsWith(root)) return null;
      const path = relative(root, id).split(sep).join('/');
      return {
        code: code.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(SOURCE_MARK + path)}, import.meta.url).href`,
        ),
        map: null,
      };
    },
    renderChunk(code, chunk) {
      if (!code.includes(SOURCE_MARK)) return null;
      const chunkDir = dirname(join(outDir, chunk.fileName));
      return code.replace(
        new RegExp(`(["'])${SOURCE_MARK}([^"']+)\\1`, 'g'),
        (_match, _quote, path: string) =>
          JSON.stringify(relative(chunkDir, join(root, path)).split(sep).join('/')),
      );
    },
  };
}

function isDeployable(value: string): value is Deployable {
  return Object.hasOwn(DEPLOYABLES, value);
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const intoAt = args.indexOf('--into');
  const into = intoAt >= 0 ? args[intoAt + 1] : undefined;
  const named = intoAt >= 0 ? [...args.slice(0, intoAt), ...args.slice(intoAt + 2)] : args;
  const deployables = named.filter(isDeployable);
  if (deployables.length < named.length || (intoAt >= 0 && into === undefined)) {
    process.stderr.write(
      `usage: node infra/build/bundle.ts [${Object.keys(DEPLOYABLES).join('|')} …] [--into <root>]` +
        ` (got: ${args.join(' ')})\n`,
    );
    process.exit(64);
  }
  const root = join(import.meta.dirname, '..', '..');
  const results = await bundleAll(
    root,
    deployables.length > 0 ? deployables : undefined,
    into === undefined ? root : resolve(into),
  );
  for (const result of results) {
    process.stdout.write(
      `bundle: ${result.deployable}: ${relative(process.cwd(), result.entry)} ` +
        `(${result.files} files, ${(result.bytes / 2 ** 20).toFixed(1)} MB, ${result.ms} ms)\n`,
    );
  }
}
