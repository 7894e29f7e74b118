/**
 * One prototype drain for bench/drain-shapes.ts: BENCH_WORKERS loops, each on its own
 * connection, claim up to 1,000 due messages, POST each to the sink with the webhook
 * channel and signing of the dispatcher (BENCH_IN_FLIGHT requests in flight, shared by
 * the loops, as the dispatcher's delivery slots), and complete them, in the SQL shape
 * SHAPE (B–E, G, H, I, docs/decisions.md, "Shapes of the per-message queue state, measured").
 * Raw SQL: no window check, no customer replica, no retries — only the queue's statements.
 * Prints `{"sent", "ms", "dbThreadNs", "cpuUs", "serverSeconds"}` — over the drain only:
 * the CPU of its connections' MariaDB threads (found as bench/queue-thread-probe.ts does),
 * its own CPU (µs) and the whole MariaDB server's (s) — and exits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mysqlOptions, newId } from '@screenmagic/service-kit';
import { type Connection, createConnection, type RowDataPacket } from 'mysql2/promise';
import { benchChannel, deliverRow } from './bench-delivery.ts';
import { cpuSeconds, databaseServerPid } from './processes.ts';

const env = process.env;
const SHAPE = env['SHAPE'] ?? 'B';
const WORKERS = Number(env['BENCH_WORKERS'] ?? 2);
const IN_FLIGHT = Number(env['BENCH_IN_FLIGHT'] ?? 32);
const NOW = new Date(env['BENCH_NOW'] ?? '');
const channel = benchChannel(env, IN_FLIGHT);
const sentAt = NOW.toISOString();
const url = new URL(env['MYSQL_URL'] ?? '');

// ---- MariaDB's threads of our connections (queue-thread-probe.ts's method) ----
const serverPid = databaseServerPid();
const runNs = (tid: string): number => {
  try {
    return Number(readFileSync(`/proc/${serverPid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return 0;
  }
};
const threadOf = async (connection: Connection): Promise<string> => {
  if (serverPid === undefined) return '';
  const tids = readdirSync(`/proc/${serverPid}/task`);
  const before = new Map(tids.map((t) => [t, runNs(t)]));
  await connection.query(`SELECT BENCHMARK(2000000, MD5('x'))`);
  let best = '';
  let most = 0;
  for (const t of tids) {
    const d = runNs(t) - (before.get(t) ?? 0);
    if (d > most) [best, most] = [t, d];
  }
  return best;
};

// ---- Delivery slots shared by the loops ----
let free = IN_FLIGHT;
const waiting: (() => void)[] = [];
const slot = async (): Promise<void> => {
  if (free > 0) return void free--;
  await new Promise<void>((resolve) => waiting.push(resolve));
};
const release = (): void => {
  const next = waiting.shift();
  if (next) next();
  else free++;
};

interface Row extends RowDataPacket {
  id: string;
  broadcast_id: string;
  customer_id: string;
  customer_name: string;
}
const deliverAll = (rows: Row[]): Promise<unknown> =>
  Promise.all(
    rows.map(async (row) => {
      await slot();
      try {
        await deliverRow(channel, row, sentAt);
      } finally {
        release();
      }
    }),
  );

const COLUMNS = `id, kind, broadcast_id, order_id, customer_id, customer_name, text, hold_to_window,
  expires_at, trace_parent, category, inbound_message_id, due_at, scheduled_for, attempts`;
/** What a delivery sets (today's markDelivered, one frozen instant as the drain's test clock). */
const DELIVERED = `status = 'delivered', status_reason = 'IN_WINDOW', status_detail = NULL,
  deferred_reason = NULL, due_at = NULL, delivered_at = ?, finished_at = ?, last_attempt_at = ?,
  last_error = NULL, updated_at = ?`;
/** H's fold: what a delivery sets but `due_at`, which H's claim already cleared. */
const FOLDED = DELIVERED.replace('due_at = NULL, ', '');
const HISTORY = `INSERT INTO message_event (message_id, at, event, reason, scheduled_for, detail)
  SELECT m.id, m.updated_at, 'delivered', COALESCE(m.status_reason, 'IN_WINDOW'), NULL, m.status_detail
  FROM message m WHERE m.id IN (?)`;
const at4 = [NOW, NOW, NOW, NOW];

/**
 * The lease of B, G and H: dead batches read, the due rows locked (`SKIP LOCKED`), a batch
 * row, the claim `UPDATE` setting `claimSet` (its parameters `claimParams`, then the batch
 * id), committed. Undefined when nothing is due.
 */
async function claimLeased(
  c: Connection,
  owner: string,
  claimSet: string,
  claimParams: unknown[],
): Promise<{ rows: Row[]; ids: string[]; batch: string } | undefined> {
  await c.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
  await c.beginTransaction();
  const [dead] = await c.query<RowDataPacket[]>(
    'SELECT id FROM dispatch_batch WHERE expires_at < UTC_TIMESTAMP(3)',
  );
  const deadIds = dead.map((r) => r['id'] as string);
  const [rows] = await c.query<Row[]>(
    `SELECT ${COLUMNS} FROM message WHERE due_at <= ? AND ${deadIds.length === 0 ? 'batch_id IS NULL' : '(batch_id IS NULL OR batch_id IN (?))'}
     ORDER BY due_at LIMIT 1000 FOR UPDATE SKIP LOCKED`,
    deadIds.length === 0 ? [NOW] : [NOW, deadIds],
  );
  if (rows.length === 0) {
    await c.commit();
    return undefined;
  }
  const batch = newId('bat');
  await c.query(
    `INSERT INTO dispatch_batch (id, owner, expires_at, created_at)
     VALUES (?, ?, UTC_TIMESTAMP(3) + INTERVAL 30 SECOND, UTC_TIMESTAMP(3))`,
    [batch, owner],
  );
  const ids = rows.map((r) => r.id);
  await c.query(`UPDATE message SET ${claimSet}, batch_id = ? WHERE id IN (?)`, [
    ...claimParams,
    batch,
    ids,
  ]);
  await c.commit();
  return { rows, ids, batch };
}

/**
 * B: today's shape — lease batch row + claim UPDATE, deliver, completion + history, delete
 * batch. G: the same without the `delivered` history row.
 */
async function leasedBatch(c: Connection, owner: string): Promise<number> {
  const claimed = await claimLeased(
    c,
    owner,
    `status = 'sending', updated_at = ?, attempts = attempts + 1`,
    [NOW],
  );
  if (claimed === undefined) return 0;
  const { rows, ids, batch } = claimed;
  await deliverAll(rows);
  await c.beginTransaction();
  await c.query(
    `UPDATE message SET ${DELIVERED}, batch_id = NULL WHERE id IN (?) AND batch_id = ?`,
    [...at4, ids, batch],
  );
  if (SHAPE === 'B') await c.query(HISTORY, [ids]);
  await c.commit();
  await c.query('DELETE FROM dispatch_batch WHERE id = ?', [batch]);
  return rows.length;
}

/**
 * H: one outcome per batch — the claim takes the rows out of the due index and points them
 * at a batch row (`due_at = NULL`, `batch_id`, `attempts + 1`); the completion writes the
 * batch row only (here its `owner` and `expires_at` stand for an outcome and its instant),
 * not the messages: a message's state is its row and its batch's outcome. What a per-message
 * completion write costs, against a design whose views read the batch.
 */
async function batchOutcome(c: Connection, owner: string): Promise<number> {
  const claimed = await claimLeased(c, owner, 'due_at = NULL, attempts = attempts + 1', []);
  if (claimed === undefined) return 0;
  await deliverAll(claimed.rows);
  await c.query(`UPDATE dispatch_batch SET owner = 'delivered', expires_at = ? WHERE id = ?`, [
    NOW,
    claimed.batch,
  ]);
  if (SHAPE === 'I') {
    // The fold H needs to keep its readers on the row (status, counts by
    // `(broadcast_id, status, id)`, cancel, re-plan) and its batch table bounded: the
    // finished batch's outcome written into its messages — a completion, later — and the
    // batch row gone.
    await c.query(
      `UPDATE message SET ${FOLDED}, batch_id = NULL WHERE id IN (?) AND batch_id = ?`,
      [...at4, claimed.ids, claimed.batch],
    );
    await c.query('DELETE FROM dispatch_batch WHERE id = ?', [claimed.batch]);
  }
  return claimed.rows.length;
}

/** C, D, E: the rows locked for the batch in one READ COMMITTED transaction. */
async function lockedBatch(c: Connection): Promise<number> {
  await c.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
  await c.beginTransaction();
  const [rows] = await c.query<Row[]>(
    `SELECT ${COLUMNS} FROM message WHERE due_at <= ? ORDER BY due_at LIMIT 1000 FOR UPDATE SKIP LOCKED`,
    [NOW],
  );
  if (rows.length === 0) {
    await c.commit();
    return 0;
  }
  await deliverAll(rows);
  const ids = rows.map((r) => r.id);
  if (SHAPE === 'E') {
    // Only what the queue and the contract need; finished_at, last_attempt_at and
    // updated_at would be read as delivered_at by the views.
    await c.query(
      `UPDATE message SET status = 'delivered', due_at = NULL, delivered_at = ?, attempts = attempts + 1
       WHERE id IN (?)`,
      [NOW, ids],
    );
  } else {
    await c.query(`UPDATE message SET ${DELIVERED}, attempts = attempts + 1 WHERE id IN (?)`, [
      ...at4,
      ids,
    ]);
    if (SHAPE === 'C') await c.query(HISTORY, [ids]);
  }
  await c.commit();
  return rows.length;
}

const connections = await Promise.all(
  Array.from({ length: WORKERS }, () =>
    createConnection(mysqlOptions(url, env['BENCH_DATABASE'] ?? '')),
  ),
);
// One at a time: two BENCHMARK()s at once could be taken for the same thread.
const threads: string[] = [];
for (const c of connections) threads.push(await threadOf(c));
const threadNs0 = threads.map(runNs);
const server0 = cpuSeconds(serverPid);
const cpu0 = process.cpuUsage();
const started = performance.now();
const counts = await Promise.all(
  connections.map(async (c, w) => {
    let sent = 0;
    for (;;) {
      const n =
        SHAPE === 'B' || SHAPE === 'G'
          ? await leasedBatch(c, `shape-${w}`)
          : SHAPE === 'H' || SHAPE === 'I'
            ? await batchOutcome(c, `shape-${w}`)
            : await lockedBatch(c);
      if (n === 0) return sent;
      sent += n;
    }
  }),
);
const ms = performance.now() - started;
const dbThreadNs = threads.reduce((sum, t, i) => sum + runNs(t) - (threadNs0[i] ?? 0), 0);
const { user, system } = process.cpuUsage(cpu0);
const serverSeconds = cpuSeconds(serverPid) - server0;
await channel.close();
await Promise.all(connections.map((c) => c.end()));
const sent = counts.reduce((a, b) => a + b, 0);
process.stdout.write(
  `${JSON.stringify({ sent, ms, dbThreadNs, cpuUs: user + system, serverSeconds })}\n`,
);
