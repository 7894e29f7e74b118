import { describe, expect, it } from 'vitest';
import { withTimeout } from './with-timeout.ts';

describe('withTimeout', () => {
  it('answers what the promise answers when it settles in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 1_000)).resolves.toBe(7);
    await expect(withTimeout(Promise.reject(new Error('no')), 1_000)).rejects.toThrow('no');
  });

  it('rejects with the message once the time is up, while the work goes on', async () => {
    let finished = false;
    const slow = new Promise<void>((resolve) =>
      setTimeout(() => {
        finished = true;
        resolve();
      }, 60),
    );
    await expect(withTimeout(slow, 10)).rejects.toThrow('no answer within 10 ms');
    expect(finished).toBe(false);
    await expect(withTimeout(new Promise(() => {}), 5, 'too slow')).rejects.toThrow('too slow');
    await slow;
    expect(finished).toBe(true);
  });
});
