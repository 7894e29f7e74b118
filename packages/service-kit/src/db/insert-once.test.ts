import { describe, expect, it } from 'vitest';
import { insertOnce } from './insert-once.ts';

/** The error mysql2 raises for a deadlock victim (errno 1213) or a duplicate key (1062). */
const deadlock = () => Object.assign(new Error('Deadlock found'), { code: 'ER_LOCK_DEADLOCK' });
const duplicate = () =>
  Object.assign(new Error("Duplicate entry 'o-1' for key 'PRIMARY'"), { code: 'ER_DUP_ENTRY' });

describe('insertOnce', () => {
  it('runs an insert chosen as a deadlock victim again, and answers as inserted', async () => {
    let calls = 0;
    const result = await insertOnce(
      () => (++calls < 3 ? Promise.reject(deadlock()) : Promise.resolve()),
      () => Promise.resolve('winner'),
    );
    expect(result).toEqual({ inserted: true });
    expect(calls).toBe(3);
  });

  it('gives up after three deadlocks, rethrowing the last', async () => {
    let calls = 0;
    await expect(
      insertOnce(
        () => {
          calls++;
          return Promise.reject(deadlock());
        },
        () => Promise.resolve('winner'),
      ),
    ).rejects.toMatchObject({ code: 'ER_LOCK_DEADLOCK' });
    expect(calls).toBe(3);
  });

  it('answers with the winner on a duplicate key, also after a deadlock', async () => {
    let calls = 0;
    const result = await insertOnce(
      () => Promise.reject(++calls === 1 ? deadlock() : duplicate()),
      () => Promise.resolve('winner'),
    );
    expect(result).toEqual({ inserted: false, winner: 'winner' });
    expect(calls).toBe(2);
  });
});
