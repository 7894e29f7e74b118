/**
 * Throughput of the hot paths, on one core: `node bench/hours-window.bench.ts`
 * (or `pnpm --filter @screenmagic/hours-window bench`).
 *
 * Each case runs on a fixed set of pseudo-random instants over 2026 (seeded, so runs are
 * comparable): a warm-up (which also fills the zone-offset caches, a one-time cost per
 * zone and 100 days), then several timed rounds; the median round's ops/s is printed.
 */
import {
  explainAt,
  isOpen,
  nextOpen,
  openIntervals,
  parseSchedule,
  sharedOpenIntervals,
  type Schedule,
} from '../src/index.ts';

const DAY = 86_400_000;
const ROUNDS = 7;
const ROUND_MS = 300;
const WARMUP_MS = 300;

const business = parseSchedule({
  timeZone: 'Europe/London',
  start: '09:00',
  end: '18:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  closures: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28',
    '2027-01-01',
  ],
});
const newYork = parseSchedule({ timeZone: 'America/New_York', start: '08:00', end: '20:00' });
/** The same business with its calendar as data: holidays, a named break, special hours. */
const businessAsData = parseSchedule({
  timeZone: 'Europe/London',
  start: '09:00',
  end: '18:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  holidays: { country: 'GB', region: 'ENG' },
  closures: [
    { from: '2026-08-10', to: '2026-08-21', name: 'Summer break' },
    { from: '2026-12-29', to: '2026-12-31', name: 'Winter break' },
  ],
  overrides: {
    '2026-12-24': [{ start: '09:00', end: '13:00' }],
    '2026-11-28': [{ start: '10:00', end: '16:00' }],
    '2026-06-19': [],
  },
});
/** A customer with their own country's holidays and a vacation. */
const newYorkAsData = parseSchedule({
  timeZone: 'America/New_York',
  start: '08:00',
  end: '20:00',
  holidays: { country: 'US', region: 'NY' },
  closures: [{ from: '2026-07-01', to: '2026-07-14', name: 'Vacation' }],
  overrides: { '2026-11-27': [{ start: '08:00', end: '12:00' }] },
});
const kolkata = parseSchedule({
  timeZone: 'Asia/Kolkata',
  weekly: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [
      d,
      [
        { start: '09:00', end: '13:00' },
        { start: '14:00', end: '19:00' },
      ],
    ]),
  ),
});

/** Mulberry32: a tiny seeded PRNG, so every run measures the same instants. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const next = random(20_261_130);
const yearStart = Date.UTC(2026, 0, 1);
const instants = Array.from(
  { length: 4096 },
  () => new Date(yearStart + Math.floor(next() * 365 * DAY)),
);
const weekLater = instants.map((d) => new Date(d.getTime() + 7 * DAY));

let sink = 0;
function consume(value: unknown): void {
  if (value === null) sink += 1;
  else if (value instanceof Date) sink += value.getTime() & 1;
  else if (Array.isArray(value)) sink += value.length;
  else if (value === true) sink += 1;
}

function measure(name: string, op: (i: number) => unknown): number {
  const mask = instants.length - 1;
  const run = (ms: number) => {
    let ops = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      for (let k = 0; k < 256; k++) consume(op((ops + k) & mask));
      ops += 256;
      elapsed = performance.now() - start;
    }
    return (ops / elapsed) * 1000;
  };
  run(WARMUP_MS);
  const rounds = Array.from({ length: ROUNDS }, () => run(ROUND_MS)).sort((a, b) => a - b);
  const median = rounds[Math.floor(ROUNDS / 2)] ?? 0;
  console.log(
    `${name.padEnd(62)} ${Math.round(median).toLocaleString('en-US').padStart(12)} ops/s`,
  );
  return median;
}

const pair = (customer: Schedule): readonly Schedule[] => [business, customer];
const withNewYork = pair(newYork);
const withKolkata = pair(kolkata);
const bothAsData: readonly Schedule[] = [businessAsData, newYorkAsData];

console.log(
  `node ${process.version}, ${instants.length} instants over 2026, median of ${ROUNDS} rounds`,
);

// The one-time cost the caches pay for: the first look at a zone in a 100-day stretch.
const coldZones = [
  'Pacific/Chatham',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Africa/Casablanca',
];
const coldStart = performance.now();
for (const timeZone of coldZones) {
  const schedule = parseSchedule({ timeZone, start: '09:00', end: '17:00' });
  consume(isOpen(schedule, new Date(Date.UTC(2031, 5, 1))));
}
const coldMs = (performance.now() - coldStart) / coldZones.length;
console.log(
  `${'first isOpen in a new zone-chunk (cold cache)'.padEnd(62)} ${coldMs.toFixed(2).padStart(12)} ms`,
);
const results = {
  nextOpenNewYork: measure('nextOpen([London business, New York customer], at)', (i) =>
    nextOpen(withNewYork, instants[i] as Date),
  ),
  nextOpenKolkata: measure('nextOpen([London business, Kolkata customer w/ lunch], at)', (i) =>
    nextOpen(withKolkata, instants[i] as Date),
  ),
  nextOpenAsData: measure('nextOpen([business, customer], at) w/ holidays+overrides', (i) =>
    nextOpen(bothAsData, instants[i] as Date),
  ),
  nextOpenBusinessAsData: measure('nextOpen(business w/ holidays+overrides, at)', (i) =>
    nextOpen(businessAsData, instants[i] as Date),
  ),
  explainAsData: measure(
    'explainAt(business w/ holidays+overrides, at)',
    (i) => explainAt(businessAsData, instants[i] as Date).nextChange,
  ),
  nextOpenBusiness: measure('nextOpen(London business, at)', (i) =>
    nextOpen(business, instants[i] as Date),
  ),
  openIntervals7d: measure('openIntervals(London business, at, at + 7 days)', (i) =>
    openIntervals(business, instants[i] as Date, weekLater[i] as Date),
  ),
  shared7d: measure('sharedOpenIntervals([London, New York], at, at + 7 days)', (i) =>
    sharedOpenIntervals(withNewYork, instants[i] as Date, weekLater[i] as Date),
  ),
  isOpen: measure('isOpen(London business, at)', (i) => isOpen(business, instants[i] as Date)),
};
const target = 100_000;
const slowest = Math.min(
  results.nextOpenNewYork,
  results.nextOpenKolkata,
  results.nextOpenAsData,
  results.nextOpenBusinessAsData,
);
console.log(
  `nextOpen target ${target.toLocaleString('en-US')} ops/s: ${slowest >= target ? 'met' : 'NOT met'} (sink ${sink % 10})`,
);
