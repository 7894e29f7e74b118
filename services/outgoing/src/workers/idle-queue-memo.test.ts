import { describe, expect, it } from 'vitest';
import { IdleQueueMemo } from './idle-queue-memo.ts';

const NOW = new Date('2026-11-30T10:00:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

/** A memo on a hand-moved monotonic clock, and a poll that counts how often it is asked. */
function setup(answer = false) {
  let elapsed = 0;
  const asked = { count: 0 };
  const memo = new IdleQueueMemo(900, () => elapsed);
  const ask = () => {
    asked.count++;
    return Promise.resolve(answer);
  };
  return { memo, ask, asked, advance: (ms: number) => (elapsed += ms) };
}

describe('one idle poll per process', () => {
  it('shares a poll in flight and an empty answer younger than the window', async () => {
    const { memo, ask, asked, advance } = setup();
    // Two loops polling in step: one query.
    expect(await Promise.all([memo.due(NOW, ask), memo.due(NOW, ask)])).toEqual([false, false]);
    expect(asked.count).toBe(1);
    advance(500);
    expect(await memo.due(later(500), ask)).toBe(false);
    expect(asked.count).toBe(1);
    advance(400);
    await memo.due(later(900), ask);
    expect(asked.count).toBe(2);
  });

  it('asks again after a signal, even one that came while the poll ran', async () => {
    const { memo, ask, asked, advance } = setup();
    await memo.due(NOW, ask);
    memo.invalidate();
    await memo.due(NOW, ask);
    expect(asked.count).toBe(2);
    advance(900);
    const inFlight = memo.due(NOW, ask);
    memo.invalidate(); // work announced while the query ran: it may not have seen it
    await inFlight;
    await memo.due(NOW, ask);
    expect(asked.count).toBe(4);
  });

  it('keeps no "something is due": every loop then asks (and claims) for itself', async () => {
    const { memo, ask, asked } = setup(true);
    expect(await memo.due(NOW, ask)).toBe(true);
    expect(await memo.due(NOW, ask)).toBe(true);
    expect(asked.count).toBe(2);
  });

  it('does not carry an answer to another instant of the clock (a test clock set)', async () => {
    const { memo, ask, asked } = setup();
    await memo.due(NOW, ask);
    await memo.due(later(60_000), ask);
    expect(asked.count).toBe(2);
  });
});
