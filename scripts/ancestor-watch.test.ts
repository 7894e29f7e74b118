import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ancestorPids } from './ancestor-watch.ts';

const watchModule = fileURLToPath(new URL('./ancestor-watch.ts', import.meta.url));

describe('watchAncestors', () => {
  it('lists this process’s ancestors, nearest first', () => {
    const pids = ancestorPids(process.pid);
    expect(pids[0]).toBe(process.ppid);
    expect(pids).not.toContain(1);
  });

  it('fires when a wrapper that does not forward signals is killed above us', async () => {
    // sh (the wrapper) → node (the watcher), as `pnpm start` puts sh between itself and us.
    const program = [
      `import { watchAncestors } from ${JSON.stringify(watchModule)};`,
      `watchAncestors((pid) => { console.log('gone ' + pid); process.exit(0); }, 50);`,
      `console.log('ready'); setInterval(() => {}, 1000);`,
    ].join(' ');
    const wrapper = spawn(
      'sh',
      ['-c', `"${process.execPath}" --input-type=module -e "$0"; :`, program],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    wrapper.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await expect.poll(() => output, { timeout: 10_000 }).toContain('ready');
    const watcherGone = once(wrapper.stdout, 'end');
    wrapper.kill('SIGTERM'); // the wrapper dies; the watcher is orphaned unless it notices
    await watcherGone;
    expect(output).toContain(`gone ${wrapper.pid}`);
  });
});
