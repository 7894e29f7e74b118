import { describe, expect, it } from 'vitest';
import { DeliverySlots } from './delivery-slots.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('DeliverySlots', () => {
  it('never runs more than the limit at once, across callers', async () => {
    const slots = new DeliverySlots(3);
    let running = 0;
    let peak = 0;
    const task = async (): Promise<void> => {
      running++;
      peak = Math.max(peak, running);
      await tick();
      running--;
    };
    // Two "workers" sharing the budget, 20 tasks each.
    await Promise.all(Array.from({ length: 40 }, () => slots.run(task)));
    expect(peak).toBe(3);
    expect(slots.busy).toBe(0);
  });

  it('grants slots in request order', async () => {
    const slots = new DeliverySlots(1);
    const gate = deferred();
    const order: number[] = [];
    const first = slots.run(() => gate.promise);
    const rest = [1, 2, 3].map((n) => slots.run(() => Promise.resolve(void order.push(n))));
    await tick();
    expect(order).toEqual([]);
    gate.resolve();
    await Promise.all([first, ...rest]);
    expect(order).toEqual([1, 2, 3]);
  });

  it('frees the slot when a task fails, and passes the failure on', async () => {
    const slots = new DeliverySlots(1);
    await expect(slots.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(slots.run(() => Promise.resolve(7))).resolves.toBe(7);
    expect(slots.busy).toBe(0);
  });

  it('runs each item within the budget shared with run, in request order', async () => {
    const slots = new DeliverySlots(2);
    const gate = deferred();
    const order: number[] = [];
    let running = 0;
    let peak = 0;
    const blocker = slots.run(() => gate.promise);
    const all = slots.each([1, 2, 3, 4], async (n) => {
      running++;
      peak = Math.max(peak, running);
      order.push(n);
      await tick();
      running--;
    });
    await tick();
    expect(peak).toBe(1);
    gate.resolve();
    await Promise.all([blocker, all]);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(slots.busy).toBe(0);
  });

  it('each passes the first failure on and frees every slot', async () => {
    const slots = new DeliverySlots(1);
    const ran: number[] = [];
    await expect(
      slots.each([1, 2, 3], async (n) => {
        ran.push(n);
        await tick();
        if (n === 2) throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await tick();
    expect(ran).toEqual([1, 2, 3]);
    expect(slots.busy).toBe(0);
    await expect(slots.each([], () => Promise.resolve())).resolves.toBeUndefined();
  });

  it('refuses a limit below one', () => {
    expect(() => new DeliverySlots(0)).toThrow(RangeError);
  });
});
