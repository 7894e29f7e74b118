import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedules } from './support/calendars.ts';
import { OutgoingStack } from './support/outgoing-stack.ts';
import { WebhookReceiver } from './support/webhook-receiver.ts';

const MONDAY_10 = '2026-11-30T10:00:00.000Z';
const CHILD = fileURLToPath(new URL('./support/dispatcher-child.ts', import.meta.url));

describe('a dispatcher killed mid-batch', () => {
  let stack: OutgoingStack;
  let receiver: WebhookReceiver;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start('crash-secret');
    stack = await OutgoingStack.start('crash', {
      env: { DISPATCHER: 'off', DISPATCH_LOCK_TIMEOUT_MS: '1000' },
    });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        stack.addCustomer({ name: `Crash ${i}`, workingHours: schedules.london }),
      ),
    );
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await stack?.close();
    await receiver?.close();
  });

  it('loses nothing: its claims expire and another dispatcher delivers every message', async () => {
    await stack.setClock(MONDAY_10);
    expect((await stack.broadcast({ message: 'Survive a crash' })).statusCode).toBe(202);

    // The child claims a batch of 10 and starts 5 deliveries, which the receiver never answers.
    receiver.hangMs = 600_000;
    let stderr = '';
    child = spawn(process.execPath, [CHILD], {
      env: {
        ...process.env,
        ...stack.env,
        CHILD_NOW: MONDAY_10,
        DISPATCHER: 'on',
        DISPATCHER_WORKERS: '1',
        DISPATCH_BATCH_SIZE: '10',
        DISPATCH_CONCURRENCY: '5',
        DISPATCH_LOCK_TIMEOUT_MS: '1000',
        DELIVERY_WEBHOOK_URL: receiver.url,
        DELIVERY_WEBHOOK_SECRET: 'crash-secret',
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      // Starting a process that loads the service takes seconds on a busy machine.
      await expect.poll(() => receiver.requests.length, { timeout: 45_000 }).toBe(5);
    } catch (error) {
      throw new Error(`the child did not start its batch; its stderr: ${stderr}`, { cause: error });
    }
    // One lease for the batch: one `dispatch_batch` row of the child's, its 10 messages
    // pointing to it, `sending` (what GET /v1/messages/{id} says while they are held).
    const batches = await stack.query<{ id: string; owner: string }>(
      'SELECT id, owner FROM dispatch_batch',
    );
    expect(batches).toHaveLength(1);
    expect(batches[0]?.owner).toMatch(/^child\//);
    const held = await stack.query<{ id: string; status: string }>(
      'SELECT id, status FROM message WHERE batch_id = ?',
      [batches[0]?.id],
    );
    expect(held).toHaveLength(10);
    expect(held.every((m) => m.status === 'sending')).toBe(true);
    const shown = await stack.outgoing.inject({
      method: 'GET',
      url: `/v1/messages/${held[0]?.id}`,
    });
    expect(shown.json()).toMatchObject({ status: 'sending' });

    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    // The 20 nobody holds go at once; the dead process's 10 once its lease (1 s of real
    // time) has expired — on a slow machine that may already be the case here.
    const first = await stack.runDue();
    expect(first.delivered).toBeGreaterThanOrEqual(20);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const second = await stack.runDue();
    expect(first.delivered + second.delivered).toBe(30);

    const rows = await stack.query<{ id: string; status: string; batch_id: string | null }>(
      'SELECT id, status, batch_id FROM message',
    );
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.status === 'delivered' && r.batch_id === null)).toBe(true);
    // The dead batch's messages were delivered by the other dispatcher; its lease row is
    // gone (taken over, then swept), as is every batch the survivor closed.
    const dead = new Set(held.map((m) => m.id));
    expect(rows.filter((r) => dead.has(r.id))).toHaveLength(10);
    await stack.runDue();
    expect(await stack.query('SELECT id FROM dispatch_batch')).toEqual([]);
    expect(new Set(stack.channel.deliveries.map((d) => d.messageId)).size).toBe(30);
  }, 90_000);
});
