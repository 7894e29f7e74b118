/**
 * UTC offsets of IANA time zones, as piecewise-constant segments of absolute time.
 *
 * Intl has no API for a zone's transitions, so they are found once and cached: the
 * timeline is cut into chunks of 100 days; a chunk is sampled every 6 hours (401 Intl
 * calls), and between two samples whose offsets differ the change is located to the
 * second by bisection. A change and its reversal within one step would be missed: an
 * hourly scan of all 418 zones Intl lists over 1970–2040 found no two transitions closer
 * than 167 hours (Brazil in 2000, Gaza in 2040), so a 6-hour step is safe by a wide
 * margin. A cold chunk costs about 1.5 ms; afterwards an offset lookup is a Map hit and a
 * scan of one or two numbers.
 */
import { DAY_MS, HOUR_MS, daysFromCivil } from './civil.ts';

const STEP_MS = 6 * HOUR_MS;
const CHUNK_STEPS = 400;
const CHUNK_MS = STEP_MS * CHUNK_STEPS;
const MAX_CHUNKS_PER_ZONE = 4096;

/** Offsets within one chunk: `offsets[i]` holds from `starts[i]` to the next start. */
interface Chunk {
  readonly starts: readonly number[];
  readonly offsets: readonly number[];
}

/** A resolved, valid time zone and its offset cache. */
export interface Zone {
  readonly name: string;
  readonly formatter: Intl.DateTimeFormat;
  readonly chunks: Map<number, Chunk>;
}

const zones = new Map<string, Zone>();
let canonicalCase: Map<string, string> | undefined;

/** Intl also accepts raw offsets (`+05:30`, `-0800`); a schedule must name a real zone. */
const OFFSET_LIKE = /^[+\-\u2212]/;

/**
 * The zone named `name`, or null when it is not an IANA zone Intl knows (raw offsets and
 * empty strings are refused). Names are matched case-insensitively, as Intl does, and
 * their case corrected where Intl shows it; aliases are kept as written (`Asia/Kolkata`
 * stays `Asia/Kolkata` although V8 resolves it to `Asia/Calcutta`).
 */
export function resolveZone(name: unknown): Zone | null {
  if (typeof name !== 'string') return null;
  const cached = zones.get(name);
  if (cached !== undefined) return cached;
  if (name.length === 0 || OFFSET_LIKE.test(name)) return null;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return null;
  }
  const spelled = correctCase(name, formatter.resolvedOptions().timeZone);
  const existing = zones.get(spelled);
  if (existing !== undefined) return existing;
  const zone: Zone = { name: spelled, formatter, chunks: new Map() };
  // Cached under its spelling only: odd-case variants are resolved again each time (they
  // are rare, and parseSchedule stores the spelling), so the cache stays bounded.
  zones.set(spelled, zone);
  return zone;
}

/**
 * `name` with the letter case Intl uses, when Intl reveals it: its resolved name when that
 * differs only in case (`utc` → `UTC`), else a listed zone that does (`asia/kolkata` has
 * no such spelling in V8, which resolves and lists it as `Asia/Calcutta`, so stays as is).
 */
function correctCase(name: string, resolved: string): string {
  const lower = name.toLowerCase();
  if (resolved.toLowerCase() === lower) return resolved;
  canonicalCase ??= new Map(Intl.supportedValuesOf('timeZone').map((z) => [z.toLowerCase(), z]));
  return canonicalCase.get(lower) ?? name;
}

/** Offset (ms) of the zone at a whole-second instant, straight from Intl. */
function intlOffset(zone: Zone, t: number): number {
  const parts = zone.formatter.format(t).match(/\d+/g);
  if (parts?.length !== 6) throw new Error(`unexpected Intl output for ${zone.name} at ${t}`);
  const [month, day, year, hour, minute, second] = parts.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const local =
    daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
  return local - t;
}

/** The first whole second in (lo, hi] whose offset differs from `offsetLo` (the offset at lo). */
function firstChange(zone: Zone, lo: number, hi: number, offsetLo: number): number {
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (intlOffset(zone, mid) === offsetLo) lo = mid;
    else hi = mid;
  }
  return hi;
}

function loadChunk(zone: Zone, k: number): Chunk {
  const start = k * CHUNK_MS;
  const end = start + CHUNK_MS;
  const starts = [start];
  const offsets = [intlOffset(zone, start)];
  let lo = start;
  let offsetLo = offsets[0] as number;
  for (let i = 1; i <= CHUNK_STEPS; i++) {
    const t = start + i * STEP_MS;
    const offset = intlOffset(zone, t);
    // Several changes may fall between two samples (A→B→C): find each in turn.
    while (offset !== offsetLo) {
      const change = firstChange(zone, lo, t, offsetLo);
      const after = intlOffset(zone, change);
      if (change < end) {
        starts.push(change);
        offsets.push(after);
      }
      lo = change;
      offsetLo = after;
    }
    lo = t;
  }
  const chunk: Chunk = { starts, offsets };
  // A bound on memory for callers roaming over millennia: 4096 chunks is 1,100 years.
  if (zone.chunks.size >= MAX_CHUNKS_PER_ZONE) zone.chunks.clear();
  zone.chunks.set(k, chunk);
  return chunk;
}

function chunkOf(zone: Zone, k: number): Chunk {
  return zone.chunks.get(k) ?? loadChunk(zone, k);
}

/** The zone's UTC offset in milliseconds at instant `t` (local wall time = t + offset). */
export function offsetAt(zone: Zone, t: number): number {
  const { starts, offsets } = chunkOf(zone, Math.floor(t / CHUNK_MS));
  let i = starts.length - 1;
  while (i > 0 && (starts[i] as number) > t) i--;
  return offsets[i] as number;
}

/**
 * Calls `visit(a, b, offset)` for each maximal segment [a, b) of [from, to) over which the
 * zone's offset is constant, in order. Nothing is called when from >= to.
 */
export function forEachSegment(
  zone: Zone,
  from: number,
  to: number,
  visit: (a: number, b: number, offset: number) => void,
): void {
  if (!(from < to)) return;
  let pendingStart = from;
  let pendingOffset = Number.NaN;
  const lastChunk = Math.floor((to - 1) / CHUNK_MS);
  for (let k = Math.floor(from / CHUNK_MS); k <= lastChunk; k++) {
    const { starts, offsets } = chunkOf(zone, k);
    for (let i = 0; i < starts.length; i++) {
      const a = Math.max(starts[i] as number, from);
      const b = Math.min(starts[i + 1] ?? (k + 1) * CHUNK_MS, to);
      if (a >= b) continue;
      const offset = offsets[i] as number;
      if (offset !== pendingOffset) {
        if (pendingStart < a) visit(pendingStart, a, pendingOffset);
        pendingStart = a;
        pendingOffset = offset;
      }
    }
  }
  visit(pendingStart, to, pendingOffset);
}

/** All offset changes in [from, to) as `[instant, offsetBefore, offsetAfter]` (for tests). */
export function transitionsBetween(
  zone: Zone,
  from: number,
  to: number,
): [number, number, number][] {
  const out: [number, number, number][] = [];
  let previous: number | undefined;
  forEachSegment(zone, from, to, (a, _b, offset) => {
    if (previous !== undefined) out.push([a, previous, offset]);
    previous = offset;
  });
  return out;
}
