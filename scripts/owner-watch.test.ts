import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { identify, isRunning } from './owner-watch.ts';

const watchModule = fileURLToPath(new URL('./owner-watch.ts', import.meta.url));
const node = process.execPath;

// A watcher: reports its owner, then "gone <pid>" when the owner exits; ticks at the
// watch interval, so a test can wait for checks to have happened.
const WATCHER = [
  `import { findOwner, watchOwner } from ${JSON.stringify(watchModule)};`,
  `console.log('owner ' + findOwner()?.pid);`,
  `watchOwner((owner) => { console.log('gone ' + owner.pid); process.exit(0); }, 50);`,
  `setInterval(() => console.log('tick'), 50);`,
].join(' ');
// An owner (a non-shell process) running the watcher through a shell wrapper that does
// not forward signals, as pnpm runs `sh -c "node scripts/start-stack.ts"`.
const OWNER = [
  `const { spawn } = require('node:child_process');`,
  `console.log('owner-pid ' + process.pid);`,
  `spawn('sh', ['-c', '"$0" --input-type=module -e "$1"; :', process.argv[1], process.argv[2]],`,
  `  { stdio: 'inherit' });`,
  `setInterval(() => {}, 1000);`,
].join(' ');

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
});

function collect(child: ChildProcess): () => string {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return () => output;
}

const count = (text: string, word: string): number => text.split(word).length - 1;

describe('watchOwner', { timeout: 30_000 }, () => {
  it('takes the nearest ancestor that is not a shell as the owner', async () => {
    // node (this test) → sh → sh → node: the shells are wrappers, this process owns it.
    const child = spawn(
      'sh',
      ['-c', `sh -c '"${node}" --input-type=module -e "$0"; :' "$0"; :`, WATCHER],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    started.push(child);
    const output = collect(child);
    await expect.poll(output, { timeout: 10_000 }).toMatch(/owner \d+/);
    expect(output()).toContain(`owner ${process.pid}`);
  });

  it('fires when the owner exits, though the wrappers between it and us live on', async () => {
    const owner = spawn(node, ['-e', OWNER, node, WATCHER], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    started.push(owner);
    const output = collect(owner);
    await expect.poll(output, { timeout: 10_000 }).toContain(`owner ${owner.pid}`);
    const watcherGone = once(owner.stdout, 'end'); // every writer to the pipe has exited
    owner.kill('SIGTERM'); // the owner dies; the sh wrapper and the watcher are orphaned
    await watcherGone;
    expect(output()).toContain(`gone ${owner.pid}`);
  });

  it('does not fire when a shell above the owner exits (`nohup pnpm start &`, then `exit`)', async () => {
    // bash → owner (node) → sh → watcher; bash returns once the watcher runs (on a line in).
    const shell = spawn(
      'bash',
      ['-c', `"${node}" -e "$0" "${node}" "$1" & read -r _; exit`, OWNER, WATCHER],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    started.push(shell);
    const output = collect(shell);
    await expect.poll(output, { timeout: 10_000 }).toMatch(/owner-pid \d+/);
    const ownerPid = Number(/owner-pid (\d+)/.exec(output())?.[1]);
    await expect.poll(output, { timeout: 10_000 }).toContain(`owner ${ownerPid}`);
    shell.stdin?.end('exit\n');
    if (shell.exitCode === null) await once(shell, 'exit');
    const ticksAtExit = count(output(), 'tick');
    // Ten checks after the shell is gone, the owner is still there and so is the watcher.
    await expect
      .poll(() => count(output(), 'tick'), { timeout: 10_000 })
      .toBeGreaterThan(ticksAtExit + 10);
    expect(output()).not.toContain('gone');

    const watcherGone = once(shell.stdout, 'end');
    process.kill(ownerPid, 'SIGKILL');
    await watcherGone;
    expect(output()).toContain(`gone ${ownerPid}`);
  });

  it('tells a live process from one that has exited', async () => {
    const child = spawn(node, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    started.push(child);
    await once(child, 'spawn');
    const identity = identify(child.pid!);
    expect(identity?.startTime).toMatch(/^\d+$/);
    expect(isRunning(identity!)).toBe(true);
    expect(isRunning({ pid: child.pid!, startTime: '0' })).toBe(false); // the PID, reused
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(isRunning(identity!)).toBe(false);
  });
});
