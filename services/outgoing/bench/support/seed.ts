import { parseSchedule } from '@screenmagic/hours-window';
import { newIds } from '@screenmagic/service-kit';
import type { Connection } from 'mysql2/promise';

/**
 * Five schedules in five zones, all open on Monday 30 November 2026 at 10:00Z (so a
 * broadcast then is due at once for everyone, and the drain delivers every message) and
 * different enough to make five distinct delivery decisions.
 */
export const BENCH_SCHEDULES = [
  { timeZone: 'Europe/London', start: '08:00', end: '18:00' },
  { timeZone: 'Europe/Berlin', start: '09:00', end: '19:00' },
  { timeZone: 'Africa/Lagos', start: '09:00', end: '17:00' },
  { timeZone: 'UTC', start: '07:00', end: '20:00' },
  { timeZone: 'Asia/Kolkata', start: '09:00', end: '18:00' },
].map((input) => parseSchedule(input));

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Customer `k`'s schedule. `five`: one of {@link BENCH_SCHEDULES} (five distinct schedules,
 * so five planning groups). `distinct`: the zone of `BENCH_SCHEDULES[k % 5]` with hours of
 * its own — start 07:00–09:59 and end 18:00–19:51 by the minute — so up to 162,000
 * customers all have different schedules (one planning group each), every window still
 * open on Monday 30 November 2026 at 10:00Z.
 */
export function benchSchedule(k: number, kind: 'five' | 'distinct'): object {
  const base = BENCH_SCHEDULES[k % BENCH_SCHEDULES.length]!;
  if (kind === 'five') return base;
  const j = Math.floor(k / BENCH_SCHEDULES.length);
  return parseSchedule({
    timeZone: base.timeZone,
    start: hhmm(7 * 60 + (j % 180)),
    end: hhmm(18 * 60 + Math.floor(j / 180)),
  });
}

/**
 * Seeds the customer service's database directly (its documented table,
 * docs/architecture.md): the API would take minutes for 100,000 customers.
 */
export async function seedCustomers(
  connection: Connection,
  count: number,
  kind: 'five' | 'distinct' = 'five',
): Promise<void> {
  const at = new Date();
  const batch = 2_000;
  for (let done = 0; done < count; done += batch) {
    const n = Math.min(batch, count - done);
    const rows = newIds('cus', n).map((id, i) => {
      const k = done + i;
      const schedule = benchSchedule(k, kind) as { timeZone: string };
      return [
        id,
        `Bench ${k}`,
        `bench ${k}`,
        k % 2 === 0 ? `+4477${String(k).padStart(8, '0')}` : null,
        schedule.timeZone,
        JSON.stringify(schedule),
        at,
        at,
      ];
    });
    await connection.query(
      'INSERT INTO customer (id, name, name_key, phone, time_zone, working_hours, created_at, updated_at) VALUES ?',
      [rows],
    );
  }
}
