import { describe, expect, it } from 'vitest';
import {
  forEachSegment,
  offsetAt,
  resolveZone,
  transitionsBetween,
  type Zone,
} from './zone-offsets.ts';

const HOUR = 3_600_000;

function zone(name: string): Zone {
  const z = resolveZone(name);
  if (z === null) throw new Error(name);
  return z;
}

function transitions(name: string, year: number): string[] {
  return transitionsBetween(zone(name), Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)).map(
    ([t, before, after]) => `${new Date(t).toISOString()} ${before / 60_000} → ${after / 60_000}`,
  );
}

/** Offset in minutes straight from Intl's longOffset name ("GMT+05:45", "GMT"). */
const longOffset = new Map<string, Intl.DateTimeFormat>();
function intlOffsetMinutes(name: string, t: number): number {
  let f = longOffset.get(name);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
    longOffset.set(name, f);
  }
  const text = f.formatToParts(t).find((p) => p.type === 'timeZoneName')?.value;
  const m = /^GMT(?:([+-])(\d\d):(\d\d))?$/.exec(text ?? '');
  if (m === null) throw new Error(`${name}: ${text}`);
  if (m[1] === undefined) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

describe('zone offsets', () => {
  it('finds transitions to the second', () => {
    expect(transitions('America/New_York', 2026)).toEqual([
      '2026-03-08T07:00:00.000Z -300 → -240',
      '2026-11-01T06:00:00.000Z -240 → -300',
    ]);
    expect(transitions('Australia/Lord_Howe', 2026)).toEqual([
      '2026-04-04T15:00:00.000Z 660 → 630',
      '2026-10-03T15:30:00.000Z 630 → 660',
    ]);
    expect(transitions('Europe/Dublin', 2026)).toEqual([
      '2026-03-29T01:00:00.000Z 0 → 60',
      '2026-10-25T01:00:00.000Z 60 → 0',
    ]);
    expect(transitions('Pacific/Apia', 2011)).toContain('2011-12-30T10:00:00.000Z -600 → 840');
    expect(transitions('Asia/Kolkata', 2026)).toEqual([]);
  });

  it('agrees with Intl every hour of 2026 in the irregular zones', () => {
    for (const name of [
      'Australia/Lord_Howe',
      'Africa/Casablanca',
      'Pacific/Chatham',
      'America/St_Johns',
    ]) {
      const z = zone(name);
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += HOUR) {
        if (offsetAt(z, t) / 60_000 !== intlOffsetMinutes(name, t)) {
          expect.fail(`${name} at ${new Date(t).toISOString()}`);
        }
      }
    }
  });

  it('finds no two transitions closer than four sampling steps (24 h) in 2010–2040 in the irregular zones', () => {
    for (const name of ['Africa/Casablanca', 'Pacific/Apia', 'Asia/Gaza']) {
      const found = transitionsBetween(zone(name), Date.UTC(2010, 0, 1), Date.UTC(2040, 0, 1));
      for (let i = 1; i < found.length; i++) {
        expect((found[i]?.[0] ?? 0) - (found[i - 1]?.[0] ?? 0)).toBeGreaterThan(24 * HOUR);
      }
    }
  });

  it('splits a range into constant-offset segments, merged across cache chunks', () => {
    const seen: [string, string, number][] = [];
    forEachSegment(zone('Europe/London'), Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1), (a, b, o) => {
      seen.push([new Date(a).toISOString(), new Date(b).toISOString(), o / 60_000]);
    });
    expect(seen).toEqual([
      ['2026-01-01T00:00:00.000Z', '2026-03-29T01:00:00.000Z', 0],
      ['2026-03-29T01:00:00.000Z', '2026-10-25T01:00:00.000Z', 60],
      ['2026-10-25T01:00:00.000Z', '2027-01-01T00:00:00.000Z', 0],
    ]);
  });
});
