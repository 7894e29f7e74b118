import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./support/log-flush-child.ts', import.meta.url));

interface Run {
  readonly lines: Array<{ msg: string; line?: number }>;
  readonly code: number | null;
}

/** Starts the child, lets it log, then ends it the way `mode` says; the log lines it wrote. */
function run(mode: 'sigterm' | 'throw' | 'idle', bufferBytes: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD], {
      env: {
        ...process.env,
        CHILD_MODE: mode,
        LOG_BUFFER_BYTES: bufferBytes,
        OTEL_SDK_DISABLED: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const lineCountAtReady: number[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      // Both bursts arrived without the process ending: killed outright, nothing flushed on exit.
      if (mode === 'idle' && stdout.split('\n').filter(Boolean).length >= 40) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.includes('ready\n') && lineCountAtReady.length === 0) {
        lineCountAtReady.push(stdout.split('\n').filter(Boolean).length);
        if (mode === 'sigterm') child.kill('SIGTERM');
      }
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the child did not end: ${stderr}`));
    }, 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        lines: stdout
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as { msg: string; line?: number }),
      });
    });
  });
}

const buffered = (lines: Run['lines']) => lines.filter((line) => line.msg === 'buffered line');

describe('buffered log writes', () => {
  it('writes every buffered line when the process shuts down on SIGTERM', async () => {
    const { lines, code } = await run('sigterm', '8192');
    expect(code).toBe(0);
    expect(buffered(lines).map((line) => line.line)).toEqual([...Array(20).keys()]);
    expect(lines.at(-1)?.msg).toBe('stopped');
  });

  it('writes buffered lines within the flush interval while the process runs on, burst after burst', async () => {
    const started = performance.now();
    const { lines, code } = await run('idle', '8192');
    // Killed by the test (SIGKILL) once all 40 lines had arrived: no exit flush wrote them.
    expect(code).toBeNull();
    expect(buffered(lines).map((line) => line.line)).toEqual([...Array(20).keys()]);
    expect(lines.filter((line) => line.msg === 'later line').map((line) => line.line)).toEqual([
      ...Array(20).keys(),
    ]);
    // The second burst came 1.5 s after the first and waited at most the 1 s interval.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('writes every buffered line when the process dies of an uncaught error', async () => {
    const { lines, code } = await run('throw', '8192');
    expect(code).toBe(1);
    expect(buffered(lines).map((line) => line.line)).toEqual([...Array(20).keys()]);
  });
});
