import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle } from '../build/bundle.ts';
import { REPO_ROOT } from '../validate/kubernetes.ts';

const into = mkdtempSync(join(tmpdir(), 'screenmagic-bundle-'));
afterAll(() => rmSync(into, { recursive: true, force: true }));

/** Every file a module loads at start: its static imports, transitively (not `import()`). */
function loadedAtStart(entry: string): Map<string, number> {
  const loaded = new Map<string, number>();
  const visit = (file: string): void => {
    if (loaded.has(file)) return;
    const code = readFileSync(file, 'utf8');
    loaded.set(file, Buffer.byteLength(code));
    for (const match of code.matchAll(/^(?:import|export)\b[^;]*?\bfrom "(\.{1,2}\/[^"]+)"/gm)) {
      visit(join(dirname(file), match[1] ?? ''));
    }
    for (const match of code.matchAll(/^import "(\.{1,2}\/[^"]+)"/gm)) {
      visit(join(dirname(file), match[1] ?? ''));
    }
  };
  visit(entry);
  return loaded;
}

// Issue 15's idle memory (README, Benchmarks: memory): what a process compiles at start.
describe.each(['customer', 'outgoing'] as const)('the %s bundle', (deployable) => {
  it('compiles no module over 1 MiB at start, all ASCII, and loads undici only on demand', async () => {
    const built = await bundle(REPO_ROOT, deployable, into);
    expect(built.ascii).toBe(true);
    const loaded = loadedAtStart(built.entry);
    // One chunk per npm package: the largest (iconv-lite) is ~0.55 MB. One 4 MB module
    // left ~12 MB of freed C heap in the process for its whole life.
    expect(loaded.size).toBeGreaterThan(20);
    const largest = [...loaded].sort((a, b) => b[1] - a[1])[0];
    expect(largest?.[1], relative(into, largest?.[0] ?? '')).toBeLessThan(2 ** 20);
    // ServiceClient uses node:http; the webhook senders import undici with their first POST.
    const dir = dirname(built.entry);
    expect([...loaded.keys()].map((file) => relative(dir, file))).not.toContainEqual(
      expect.stringMatching(/undici/),
    );
    const everything = [...loaded.keys()].map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(everything).not.toContain('llhttp_alloc');
  }, 120_000);
});
