import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  packageManager: string;
};
// A new login shell's PATH: no Node 24 folder, no npm global bin of an earlier run.
const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

// The bootstrap in a project of its own (same script, same pinned pnpm, no dependencies),
// so its `pnpm install` leaves this checkout's node_modules alone.
const project = mkdtempSync(join(tmpdir(), 'bootstrap-'));
mkdirSync(join(project, 'scripts'));
copyFileSync(join(root, 'scripts', 'bootstrap.sh'), join(project, 'scripts', 'bootstrap.sh'));
writeFileSync(
  join(project, 'package.json'),
  JSON.stringify({ name: 'bootstrap-test', private: true, packageManager }),
);
afterAll(() => rmSync(project, { recursive: true, force: true }));

async function sourceInNewShell(): Promise<string> {
  const { stdout } = await promisify(execFile)(
    'env',
    ['-i', `HOME=${homedir()}`, `PATH=${SYSTEM_PATH}`, 'bash', '-c', '. scripts/bootstrap.sh'],
    { cwd: project },
  );
  return stdout;
}

describe('scripts/bootstrap.sh', () => {
  it('installs nothing when sourced again in a new shell', { timeout: 300_000 }, async () => {
    await sourceInNewShell(); // installs what a fresh machine lacks
    const again = await sourceInNewShell();
    expect(again).toContain(`bootstrap: pnpm ${packageManager.replace('pnpm@', '')}`);
    expect(again).not.toContain('installing');
  });
});
