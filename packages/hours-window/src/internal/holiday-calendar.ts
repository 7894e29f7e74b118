/**
 * Public holidays from the maintained `date-holidays` data set (never a hand-typed list),
 * as local dates: a holiday's `date` field is its local date string in the country
 * (`YYYY-MM-DD hh:mm:ss [±hhmm]`), so only its first ten characters are read — never its
 * `start` instant, which would shift with the zone it is read in. A holiday lasting
 * several days (Eid al-Fitr in the UAE: 72 hours) closes each of its dates; its length in
 * days is its duration rounded to whole days (DST-proof). A holiday starting at noon
 * closes its whole date, as any closure does.
 *
 * Cached per (country, region, year): the first look at a year costs a few milliseconds,
 * later ones a Map lookup.
 *
 * The data set is loaded on first use, not on import: it costs about 35 MB of memory and a
 * second of start-up, which every service importing this library would otherwise pay
 * whether or not a schedule names holidays. (Its CommonJS build is required synchronously,
 * so the library's functions stay synchronous.)
 */
import { createRequire } from 'node:module';
import type DateHolidays from 'date-holidays';
import { DAY_MS, parseLocalDate } from './civil.ts';

type HolidaysClass = typeof DateHolidays;
let holidaysClass: HolidaysClass | undefined;

function dataSet(): HolidaysClass {
  holidaysClass ??= createRequire(import.meta.url)('date-holidays') as HolidaysClass;
  return holidaysClass;
}

/** Day numbers of one year's public holidays, with their English names. */
export type HolidayDays = ReadonlyMap<number, string>;

interface Source {
  readonly holidays: DateHolidays;
  /** year → the holidays whose first date falls in that year: [day, days, name] */
  readonly raw: Map<number, readonly (readonly [number, number, string])[]>;
  readonly years: Map<number, HolidayDays>;
}

const sources = new Map<string, Source>();
/** A bound on memory for callers roaming over centuries. */
const MAX_YEARS_PER_SOURCE = 400;
let countries: Readonly<Record<string, string>> | undefined;

/** Upper-case country code if date-holidays knows it, else null. */
export function knownCountry(country: string): string | null {
  countries ??= new (dataSet())().getCountries('en');
  const code = country.toUpperCase();
  return Object.hasOwn(countries, code) ? code : null;
}

/** The subdivisions date-holidays knows for a (known) country: code → English name. */
export function regionsOf(country: string): Readonly<Record<string, string>> {
  // getStates answers undefined for a country without subdivisions, whatever its types say.
  const states: Record<string, string> | undefined = new (dataSet())().getStates(country, 'en');
  return states ?? {};
}

function sourceOf(country: string, region: string | undefined): Source {
  const key = `${country}/${region ?? ''}`;
  let source = sources.get(key);
  if (source === undefined) {
    const Holidays = dataSet();
    const holidays =
      region === undefined
        ? new Holidays(country, { languages: ['en'] })
        : new Holidays(country, region, { languages: ['en'] });
    source = { holidays, raw: new Map(), years: new Map() };
    sources.set(key, source);
  }
  return source;
}

function rawOf(source: Source, year: number): readonly (readonly [number, number, string])[] {
  const hit = source.raw.get(year);
  if (hit !== undefined) return hit;
  const list = source.holidays
    .getHolidays(year, 'en')
    .filter((holiday) => holiday.type === 'public')
    .flatMap((holiday): [number, number, string][] => {
      const day = parseLocalDate(holiday.date.slice(0, 10));
      if (day === null) return [];
      const days = Math.max(
        1,
        Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS),
      );
      return [[day, days, holiday.name]];
    });
  if (source.raw.size >= MAX_YEARS_PER_SOURCE) source.raw.clear();
  source.raw.set(year, list);
  return list;
}

/**
 * The public holidays of `country` (and `region`) whose dates fall in the days
 * `[firstDay, lastDay]` of `year`, by day number. Both codes must be known (see
 * {@link knownCountry}); a date with two holidays lists both names.
 */
export function holidayDays(
  country: string,
  region: string | undefined,
  year: number,
  firstDay: number,
  lastDay: number,
): HolidayDays {
  const source = sourceOf(country, region);
  const hit = source.years.get(year);
  if (hit !== undefined) return hit;
  const days = new Map<number, string>();
  // A multi-day holiday begun late in the previous year may run into this one.
  for (const [first, length, name] of [...rawOf(source, year - 1), ...rawOf(source, year)]) {
    for (let d = Math.max(first, firstDay); d < first + length && d <= lastDay; d++) {
      const existing = days.get(d);
      if (existing === undefined) days.set(d, name);
      else if (!existing.split(', ').includes(name)) days.set(d, `${existing}, ${name}`);
    }
  }
  if (source.years.size >= MAX_YEARS_PER_SOURCE) source.years.clear();
  source.years.set(year, days);
  return days;
}
