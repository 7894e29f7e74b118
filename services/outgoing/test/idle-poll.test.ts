import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedules } from './support/calendars.ts';
import { OutgoingStack } from './support/outgoing-stack.ts';

const MONDAY_10 = '2026-11-30T10:00:00.000Z';

/**
 * An idle process polls the queue once per interval, whatever its number of workers: the
 * first claim loop polls; the others claim only while a batch is in flight in the process,
 * after a wake, or once the first loop found work (docs/decisions.md, "One idle poll per process").
 */
describe('the claim loops of one dispatcher process', () => {
  let stack: OutgoingStack;
  beforeAll(async () => {
    stack = await OutgoingStack.start('idlepoll', {
      env: { DISPATCHER: 'off', DISPATCHER_WORKERS: '3' },
    });
  });
  afterAll(() => stack?.close());

  /** A scheduled message made due at the clock's instant behind the service's back (no wake). */
  async function dueWithoutWake(name: string): Promise<string> {
    const accepted = await stack.broadcast({
      message: `For ${name}`,
      customers: [name],
      sendAt: '2026-12-01T10:00:00.000Z',
    });
    expect(accepted.statusCode, accepted.body).toBe(202);
    const [message] = accepted.json<{ recipients: { messageId: string }[] }>().recipients;
    await stack.query('UPDATE message SET due_at = ? WHERE id = ?', [
      new Date(MONDAY_10),
      message?.messageId,
    ]);
    return message?.messageId ?? '';
  }
  const statusOf = async (id: string) =>
    (await stack.query<{ status: string }>('SELECT status FROM message WHERE id = ?', [id]))[0]
      ?.status;

  it('polls from the first loop only while idle; the others join once work is found', async () => {
    await stack.setClock(MONDAY_10);
    for (const n of ['one', 'two', 'three', 'four', 'five', 'six', 'seven'])
      await stack.addCustomer({ name: `Idle ${n}`, workingHours: schedules.kolkata });
    await stack.runDue(); // the replica catches up (the customers, the clock set)
    const dispatcher = stack.outgoing.dispatcher;
    const first = await dueWithoutWake('Idle one');
    // Work signalled (the acceptances wake the dispatcher, as do messages due now): loop 1
    // claims.
    dispatcher.wake();
    expect(await dispatcher.runBatch('idle/1', 1)).toBe(1);
    expect(await statusOf(first)).toBe('delivered');

    // Nothing in flight, nothing signalled since it last looked: loop 1 does not poll.
    const second = await dueWithoutWake('Idle two');
    await dispatcher.runBatch('idle/1', 1);
    await dispatcher.runBatch('idle/1', 1);
    const third = await dueWithoutWake('Idle three');
    expect(await statusOf(second)).toBe('scheduled');
    // Loop 2 has not looked since the wake: it claims both.
    expect(await dispatcher.runBatch('idle/2', 2)).toBe(2);
    expect(await dispatcher.runBatch('idle/1', 1)).toBe(0);
    expect(await statusOf(third)).toBe('delivered');
    expect(await statusOf(second)).toBe('delivered');

    const fourth = await dueWithoutWake('Idle four');
    await dispatcher.runBatch('idle/2', 2);
    await dispatcher.runBatch('idle/1', 1);
    expect(await dispatcher.runBatch('idle/1', 1)).toBe(0);
    expect(await dispatcher.runBatch('idle/2', 2)).toBe(0);
    expect(await statusOf(fourth)).toBe('scheduled');

    // The first loop always polls; having found work, it lets the others claim.
    const fifth = await dueWithoutWake('Idle five');
    expect(await dispatcher.runBatch('idle/0', 0)).toBe(2);
    expect(await statusOf(fifth)).toBe('delivered');
    const sixth = await dueWithoutWake('Idle six');
    expect(await dispatcher.runBatch('idle/1', 1)).toBe(1);
    expect(await statusOf(sixth)).toBe('delivered');

    // A wake (messages due now) lets every loop claim.
    await dispatcher.runBatch('idle/2', 2);
    const seventh = await dueWithoutWake('Idle seven');
    expect(await dispatcher.runBatch('idle/2', 2)).toBe(0);
    expect(await statusOf(seventh)).toBe('scheduled');
    dispatcher.wake();
    expect(await dispatcher.runBatch('idle/2', 2)).toBe(1);
    expect(await statusOf(seventh)).toBe('delivered');
  });
});
