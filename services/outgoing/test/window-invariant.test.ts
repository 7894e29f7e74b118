import { isOpen, parseSchedule, type Schedule, WEEKDAYS } from '@screenmagic/hours-window';
import type { App } from '@screenmagic/service-kit';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery } from '../src/clients/channel.ts';
import { businessCalendar } from './support/calendars.ts';
import { OutgoingStack } from './support/outgoing-stack.ts';

/**
 * SPEC §3's invariant, checked against random scenarios: customers with random hours in
 * random zones, broadcasts at random times, the clock jumping across days (and a DST
 * change), customers changing hours or leaving, and dispatchers that are down for a
 * while, run in the background, or are stopped and restarted — and through all of it,
 * no delivery ever happens outside its recipient's delivery window as it was at that
 * moment, and every accepted message ends delivered, cancelled, expired or unreachable.
 */

const ZONES = [
  'Europe/London',
  'Asia/Kolkata',
  'America/New_York',
  'Australia/Sydney',
  'Europe/Berlin',
  'Asia/Tokyo',
];
// Monday 30 Nov 2026, and Friday 26 Mar 2027 (Europe springs forward on Sunday the 28th).
const STARTS = ['2026-11-30T07:00:00.000Z', '2027-03-26T07:00:00.000Z'];
/** The property's parameters, replaying a reported counterexample when asked to: INVARIANT_SEED=<seed> INVARIANT_PATH=<path>. */
function replayable<T>(params: fc.Parameters<T>): fc.Parameters<T> {
  const { INVARIANT_SEED: seed, INVARIANT_PATH: path } = process.env;
  if (seed) params = { ...params, seed: Number(seed) };
  if (seed && path) params = { ...params, path };
  return params;
}
const pad = (n: number) => String(n).padStart(2, '0');

const scheduleArb = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
    startHour: fc.integer({ min: 0, max: 23 }),
    startQuarter: fc.integer({ min: 0, max: 3 }),
    hours: fc.integer({ min: 1, max: 14 }),
  })
  .map(({ timeZone, days, startHour, startQuarter, hours }) => {
    const start = `${pad(startHour)}:${pad(startQuarter * 15)}`;
    const endHour = startHour + hours;
    // Past midnight: an overnight range (end < start), or exactly 24:00.
    const end =
      endHour === 24 && startQuarter === 0
        ? '24:00'
        : `${pad(endHour % 24)}:${pad(startQuarter * 15)}`;
    const range = { start, end };
    return { timeZone, weekly: Object.fromEntries(days.map((d) => [d, [range]])) };
  });

const stepArb = fc.record({
  advanceMinutes: fc.integer({ min: 10, max: 30 * 60 }),
  dispatch: fc.constantFrom('run-due', 'background', 'down', 'down'),
  replica: fc.constantFrom('keep', 'keep', 'start', 'stop'),
  broadcast: fc.option(
    fc.record({
      recipients: fc.subarray([0, 1, 2, 3, 4], { minLength: 1 }),
      sendAfterMinutes: fc.constantFrom(0, 0, 45, 600, 2_000),
      onClosedDay: fc.constantFrom('queue', 'reject'),
      expiresAfterMinutes: fc.option(fc.integer({ min: 60, max: 5 * 24 * 60 }), { freq: 3 }),
    }),
    { freq: 2 },
  ),
  change: fc.option(
    fc.record({
      customer: fc.integer({ min: 0, max: 4 }),
      to: fc.oneof(scheduleArb, fc.constant('delete' as const)),
    }),
    { freq: 4 },
  ),
});

const scenarioArb = fc.record({
  start: fc.constantFrom(...STARTS),
  customers: fc.array(scheduleArb, { minLength: 5, maxLength: 5 }),
  steps: fc.array(stepArb, { minLength: 6, maxLength: 12 }),
});

describe('the delivery-window invariant', () => {
  let stack: OutgoingStack;
  let run = 0;
  /**
   * The customer service's current truth, as this test made it — of every run's customers:
   * the stack lives for the whole file, so a later run may still deliver (rightly) a message
   * an earlier run left unreachable, once a re-plan at the later run's clock finds it a window.
   */
  const current = new Map<string, CustomerTruth>();

  beforeAll(async () => {
    stack = await OutgoingStack.start('inv', {
      env: { DISPATCHER: 'off', DISPATCH_BATCH_SIZE: '3', DISPATCH_CONCURRENCY: '2' },
    });
  });
  afterAll(() => stack?.close());

  it('holds for random customers, clocks and dispatcher outages', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        run++;
        const violations: string[] = [];
        const delivered = new Map<string, number>();
        const ids: string[] = [];
        const broadcasts: string[] = [];
        let replica: App | undefined;

        const original = stack.channel.deliver.bind(stack.channel);
        stack.channel.deliver = (delivery: Delivery) => {
          const customer = current.get(delivery.customerId);
          const at = new Date(delivery.sentAt);
          const states = customer ? statesAt(customer, at) : [];
          if (!states.some((state) => !state.deleted))
            violations.push(`${delivery.messageId}: customer gone at ${delivery.sentAt}`);
          else if (
            !isOpen(businessCalendar, at) ||
            !states.some((state) => !state.deleted && isOpen(state.schedule, at))
          ) {
            violations.push(
              `${delivery.messageId}: sent at ${delivery.sentAt}, outside ${JSON.stringify(customer?.schedule)}`,
            );
          }
          delivered.set(delivery.messageId, (delivered.get(delivery.messageId) ?? 0) + 1);
          return original(delivery);
        };

        try {
          let now = new Date(scenario.start);
          await stack.setClock(now.toISOString());
          for (const [i, workingHours] of scenario.customers.entries()) {
            const created = await stack.addCustomer({ name: `Inv ${run}-${i}`, workingHours });
            ids.push(created.id);
            current.set(created.id, { schedule: parseSchedule(workingHours), deleted: false });
          }

          for (const step of scenario.steps) {
            if (step.broadcast) {
              const b = step.broadcast;
              const sendAt = new Date(now.getTime() + b.sendAfterMinutes * 60_000);
              const response = await stack.broadcast({
                message: `run ${run}`,
                customerIds: b.recipients
                  .map((r) => ids[r])
                  .filter((id) => !current.get(id as string)?.deleted),
                sendAt: sendAt.toISOString(),
                onClosedDay: b.onClosedDay,
                ...(b.expiresAfterMinutes === null
                  ? {}
                  : {
                      expiresAt: new Date(
                        sendAt.getTime() + b.expiresAfterMinutes * 60_000,
                      ).toISOString(),
                    }),
              });
              if (response.statusCode === 202)
                broadcasts.push(response.json<{ broadcastId: string }>().broadcastId);
              else expect([409, 400]).toContain(response.statusCode);
            }
            if (step.change) {
              const id = ids[step.change.customer] as string;
              const state = current.get(id);
              if (state && !state.deleted) {
                state.before = { schedule: state.schedule, deleted: false, at: now.getTime() };
                if (step.change.to === 'delete') {
                  await stack.deleteCustomer(id);
                  state.deleted = true;
                } else {
                  await stack.patchCustomer(id, {
                    workingHours: step.change.to,
                    timeZone: step.change.to.timeZone,
                  });
                  state.schedule = parseSchedule(step.change.to);
                }
              }
            }
            if (step.replica === 'start' && !replica) {
              // On the stack's clock, already at `now`: its first poll sees the test's instant.
              replica = await stack.replica({
                instanceId: `bg${run}`,
                env: { DISPATCHER: 'on', DISPATCH_POLL_INTERVAL_MS: '20' },
              });
            } else if (step.replica === 'stop' && replica) {
              await stack.closeReplica(replica);
              replica = undefined;
            }

            now = new Date(now.getTime() + step.advanceMinutes * 60_000);
            await stack.setClock(now.toISOString());
            if (step.dispatch === 'run-due') await stack.runDue();
            else if (step.dispatch === 'background' && replica) await settled(stack, now);
          }

          if (replica) await stack.closeReplica(replica);
          replica = undefined;
          // Finally, a dispatcher that stays up: follow the queue until nothing is left.
          for (let i = 0; i < 400; i++) {
            const [next] = await stack.query<{ due: Date | null }>(
              'SELECT MIN(due_at) AS due FROM message',
            );
            if (!next?.due) break;
            if (next.due.getTime() > now.getTime()) now = next.due;
            await stack.setClock(now.toISOString());
            await stack.runDue();
          }
        } finally {
          stack.channel.deliver = original;
          if (replica) await stack.closeReplica(replica);
        }

        expect(violations).toEqual([]);
        if (broadcasts.length === 0) return;
        const rows = await stack.query<{ id: string; status: string }>(
          `SELECT id, status FROM message WHERE broadcast_id IN (${broadcasts.map(() => '?').join(',')})`,
          broadcasts,
        );
        for (const row of rows) {
          expect(['delivered', 'cancelled', 'expired', 'unreachable']).toContain(row.status);
          expect(delivered.get(row.id) ?? 0).toBe(row.status === 'delivered' ? 1 : 0);
        }
      }),
      replayable({ numRuns: 6, endOnFailure: true }),
    );
  }, 120_000);
});

interface CustomerState {
  schedule: Schedule;
  deleted: boolean;
}

interface CustomerTruth extends CustomerState {
  /** The state before the last change, and the test instant it was changed at. */
  before?: CustomerState & { readonly at: number };
}

/**
 * The states a delivery stamped `at` may be judged by: the current one and, when `at` is
 * the instant the last change was made at, the one before it. SPEC §4: a change takes
 * effect in other services within 5 s, and a clock set (not the change itself) brings them
 * up to date — a background dispatcher that read the customer at that same instant, before
 * the change reached it, may still send on what it read; from the next instant on it may not.
 */
function statesAt(customer: CustomerTruth, at: Date): CustomerState[] {
  return customer.before?.at === at.getTime() ? [customer, customer.before] : [customer];
}

/** Waits until a background dispatcher has handled everything due at `now`. */
async function settled(stack: OutgoingStack, now: Date): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [row] = await stack.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM message WHERE (due_at IS NOT NULL AND due_at <= ?) OR batch_id IS NOT NULL',
      [now],
    );
    if (Number(row?.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the background dispatcher did not settle');
}
