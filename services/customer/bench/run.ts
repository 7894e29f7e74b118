/**
 * The internal keyset walk (`GET /internal/customers`) over 100,000 customers, over real
 * HTTP as the outgoing service calls it: seeds a throwaway database, walks it with pages
 * of 1,000 and 5,000, prints the times, drops the database.
 *
 *   pnpm --filter @screenmagic/customer bench     (MYSQL_URL as for the service)
 */
import { randomBytes } from 'node:crypto';
import { parseSchedule } from '@screenmagic/hours-window';
import { dropDatabase, ManagedDatabase, newIds } from '@screenmagic/service-kit';
import { buildApp, readConfig } from '../src/app.ts';
import type { Database } from '../src/db/database.ts';
import { migrations } from '../src/db/migrations/index.ts';

const CUSTOMERS = Number(process.env['BENCH_CUSTOMERS'] ?? 100_000);
const INSERT_BATCH = 2_000;
const prefix = `bench_${process.pid}_`;
// The walk carries the service token, as the outgoing service's does.
const internalToken = randomBytes(24).toString('base64url');
const config = readConfig({
  ...process.env,
  MYSQL_DATABASE_PREFIX: prefix,
  PORT: '0',
  HOST: '127.0.0.1',
  INTERNAL_TOKEN: internalToken,
});

const zones = ['Asia/Kolkata', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'UTC'];
const schedules = zones.map((timeZone) =>
  JSON.stringify(
    parseSchedule({
      timeZone,
      weekly: {
        mon: [
          { start: '09:00', end: '13:00' },
          { start: '14:00', end: '18:00' },
        ],
        tue: [{ start: '09:00', end: '18:00' }],
        wed: [{ start: '09:00', end: '18:00' }],
        thu: [{ start: '09:00', end: '18:00' }],
        fri: [{ start: '09:00', end: '17:00' }],
      },
      closures: ['2026-12-25'],
    }),
  ),
);

const seeded = new ManagedDatabase<Database>({
  serverUrl: config.mysqlUrl,
  database: config.databaseName,
  poolSize: 4,
  migrations,
});
try {
  await seeded.start();
  let started = performance.now();
  const at = new Date();
  for (let done = 0; done < CUSTOMERS; done += INSERT_BATCH) {
    const count = Math.min(INSERT_BATCH, CUSTOMERS - done);
    const ids = newIds('cus', count);
    await seeded.db
      .insertInto('customer')
      .values(
        ids.map((id, i) => {
          const n = done + i;
          const zone = n % zones.length;
          return {
            id,
            name: `Customer ${n}`,
            name_key: `customer ${n}`,
            phone: n % 2 === 0 ? `+9198${String(n).padStart(8, '0')}` : null,
            time_zone: zones[zone]!,
            working_hours: schedules[zone]!,
            created_at: at,
            updated_at: at,
          };
        }),
      )
      .execute();
  }
  console.log(`seeded ${CUSTOMERS} customers in ${Math.round(performance.now() - started)} ms`);
  await seeded.close();

  const app = await buildApp(config, false);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const ROUNDS = 3;
  for (const limit of [1_000, 5_000]) {
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      started = performance.now();
      let after: string | null = null;
      let seen = 0;
      do {
        const query: string = after === null ? `limit=${limit}` : `limit=${limit}&after=${after}`;
        const response = await fetch(`${address}/internal/customers?${query}`, {
          headers: { authorization: `Bearer ${internalToken}` },
        });
        if (!response.ok)
          throw new Error(`walk failed: ${response.status} ${await response.text()}`);
        const page = (await response.json()) as { items: unknown[]; nextAfter: string | null };
        seen += page.items.length;
        after = page.nextAfter;
      } while (after !== null);
      if (seen !== CUSTOMERS) throw new Error(`walk saw ${seen} customers, expected ${CUSTOMERS}`);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const pages = Math.ceil(CUSTOMERS / limit);
    console.log(
      `walk of ${CUSTOMERS} customers in pages of ${limit} (${pages} pages), ${ROUNDS} rounds: ` +
        `best ${Math.round(times[0]!)} ms, median ${Math.round(times[Math.floor(ROUNDS / 2)]!)} ms, ` +
        `worst ${Math.round(times.at(-1)!)} ms (client parsing included)`,
    );
  }
  await app.close();
} finally {
  await dropDatabase(config.mysqlUrl, config.databaseName);
}
