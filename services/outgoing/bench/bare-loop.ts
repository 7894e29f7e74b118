/**
 * The drain benchmark's baseline: a bare loop that reads the due messages page by page
 * (keyset on id) and POSTs each to the sink with the same client, body and signature as
 * the webhook channel and the same number of requests in flight — no claims, no window
 * checks, no status updates. Prints `{"sent": n, "ms": t}` (and, over the loop only, its
 * own CPU `cpuUs` and the whole MariaDB server's `serverSeconds`) and exits.
 */
import { forEachLimited, mysqlOptions } from '@screenmagic/service-kit';
import { createPool } from 'mysql2/promise';
import { benchChannel, deliverRow } from './support/bench-delivery.ts';
import { cpuSeconds, databaseServerPid } from './support/processes.ts';

const env = process.env;
const pool = createPool({
  ...mysqlOptions(new URL(env['MYSQL_URL'] ?? ''), env['BENCH_DATABASE']),
  connectionLimit: 2,
});
const inFlight = Number(env['BENCH_IN_FLIGHT'] ?? 32);
const channel = benchChannel(env, inFlight);
const sentAt = new Date(env['BENCH_NOW'] ?? '').toISOString();

interface Row {
  id: string;
  broadcast_id: string;
  customer_id: string;
  customer_name: string;
}
const readPage = async (after: string): Promise<Row[]> => {
  const [rows] = await pool.query(
    'SELECT id, broadcast_id, customer_id, customer_name FROM message WHERE id > ? ORDER BY id LIMIT 1000',
    [after],
  );
  return rows as Row[];
};

const databasePid = databaseServerPid();
const server0 = cpuSeconds(databasePid);
const cpu0 = process.cpuUsage();
const started = performance.now();
let sent = 0;
// The next page is read while the current one is posted.
let next = readPage('');
for (;;) {
  const page = await next;
  if (page.length === 0) break;
  next = readPage(page.at(-1)?.id ?? '');
  await forEachLimited(page, inFlight, async (row) => {
    await deliverRow(channel, row, sentAt);
    sent++;
  });
}
const ms = performance.now() - started;
const { user, system } = process.cpuUsage(cpu0);
const serverSeconds = cpuSeconds(databasePid) - server0;
await channel.close();
await pool.end();
process.stdout.write(`${JSON.stringify({ sent, ms, cpuUs: user + system, serverSeconds })}\n`);
