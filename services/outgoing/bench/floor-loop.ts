/**
 * The drain benchmark's second reference (issue 15: "the ratio to bare loop + floor run
 * together"): the bare loop's POSTs with the queue's own statements around them, and
 * nothing else. BENCH_WORKERS (2) claim loops each claim a batch of 1,000 with the
 * dispatcher's `claimDueMessages` (dead-batch read, `SELECT … FOR UPDATE SKIP LOCKED`,
 * the batch row, the claim `UPDATE`), POST it with the same client, body and signatures as
 * the webhook channel (32 in flight across the loops, through the dispatcher's
 * `DeliverySlots`), then end it with `markDelivered` + `closeBatch` — no replica read, no
 * window check, no spans, metrics or logs. What a dispatcher with this queue could at best
 * do on this machine. Prints `{"sent": n, "ms": t}` like bench/bare-loop.ts and exits.
 */
import { mysqlOptions } from '@screenmagic/service-kit';
import { Kysely, MysqlDialect } from 'kysely';
import { createPool } from 'mysql2';
import type { Database } from '../src/db/database.ts';
import { MessageHistory } from '../src/db/message-history-repository.ts';
import { markDelivered } from '../src/db/message-outcome-repository.ts';
import { claimDueMessages, closeBatch } from '../src/db/message-queue.ts';
import { DeliverySlots } from '../src/workers/delivery-slots.ts';
import { benchChannel, deliverRow } from './support/bench-delivery.ts';

const env = process.env;
const workers = Number(env['BENCH_WORKERS'] ?? 2);
const inFlight = Number(env['BENCH_IN_FLIGHT'] ?? 32);
const now = new Date(env['BENCH_NOW'] ?? '');
const sentAt = now.toISOString();
const db = new Kysely<Database>({
  dialect: new MysqlDialect({
    pool: createPool({
      ...mysqlOptions(new URL(env['MYSQL_URL'] ?? ''), env['BENCH_DATABASE']),
      connectionLimit: workers + 1,
    }),
  }),
});
const channel = benchChannel(env, inFlight);
const slots = new DeliverySlots(inFlight);
const history = new MessageHistory({ events: false });

const started = performance.now();
let sent = 0;
await Promise.all(
  Array.from({ length: workers }, async (_, worker) => {
    for (;;) {
      const claimed = await db
        .transaction()
        .setIsolationLevel('read committed')
        .execute((trx) =>
          claimDueMessages(trx, { owner: `floor/${worker}`, now, limit: 1_000, leaseMs: 30_000 }),
        );
      if (claimed.batch === null) return;
      const done: { id: string; at: Date }[] = [];
      await slots.each(claimed.messages, async (message) => {
        await deliverRow(
          channel,
          {
            id: message.id,
            broadcast_id: message.broadcast_id ?? '',
            customer_id: message.customer_id,
            // The bare loop's `to` (the seeded name) is not among the claimed columns.
            customer_name: message.customer_id,
          },
          sentAt,
        );
        done.push({ id: message.id, at: now });
      });
      sent += await markDelivered(db, history, claimed.batch, done);
      await closeBatch(db, claimed.batch);
    }
  }),
);
const ms = performance.now() - started;
await channel.close();
await db.destroy();
process.stdout.write(`${JSON.stringify({ sent, ms })}\n`);
