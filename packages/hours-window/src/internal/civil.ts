/**
 * Calendar arithmetic on a naive timeline: milliseconds and days counted from
 * 1970-01-01T00:00 with no time zone at all (a "local" timestamp is a UTC timestamp plus
 * the zone's offset). Pure integer math, so nothing here can depend on the process's TZ.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** 0001-01-01T00:00Z and 9999-12-31T00:00Z: instants outside are refused (see checkInstant). */
export const MIN_SUPPORTED_MS = -62_135_596_800_000;
export const MAX_SUPPORTED_MS = 253_402_214_400_000;

/** Days from 1970-01-01 to the proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The inverse of {@link daysFromCivil}: `[year, month (1-12), day (1-31)]`. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** ISO weekday index of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayIndexOfDay(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after midnight of `HH:MM` (00:00–23:59), or of `24:00` when `allow24` — else null. */
export function parseTime(text: string, allow24: boolean): number | null {
  if (allow24 && text === '24:00') return 1440;
  const m = TIME_RE.exec(text);
  if (m === null) return null;
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Whether `text` has the `YYYY-MM-DD` shape (not whether the date exists). */
export function isDateShaped(text: string): boolean {
  return DATE_RE.test(text);
}

/** Day number of a real calendar date `YYYY-MM-DD` (year 0001–9999), or null. */
export function parseLocalDate(text: string): number | null {
  const m = DATE_RE.exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return daysFromCivil(year, month, day);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** `YYYY-MM-DDTHH:MM:SS` of a naive local timestamp (milliseconds are dropped). */
export function formatNaive(localMs: number): string {
  const days = Math.floor(localMs / DAY_MS);
  const secs = Math.floor((localMs - days * DAY_MS) / 1000);
  const hh = Math.floor(secs / 3600);
  const mm = Math.floor((secs % 3600) / 60);
  return `${formatDay(days)}T${pad(hh, 2)}:${pad(mm, 2)}:${pad(secs % 60, 2)}`;
}

/** `+HH:MM` / `-HH:MM` for an offset in milliseconds; `±HH:MM:SS` when it has seconds (LMT). */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.round(Math.abs(offsetMs) / 1000);
  const hh = Math.floor(total / 3600);
  const mm = Math.floor((total % 3600) / 60);
  const ss = total % 60;
  return `${sign}${pad(hh, 2)}:${pad(mm, 2)}${ss === 0 ? '' : `:${pad(ss, 2)}`}`;
}

/**
 * The milliseconds of a `Date` argument, refusing invalid dates and instants outside
 * years 0001–9999 (where Intl's calendar output stops being plain Gregorian digits).
 */
export function checkInstant(at: Date, name: string): number {
  const ms = validDateMs(at, name);
  if (ms < MIN_SUPPORTED_MS || ms >= MAX_SUPPORTED_MS) {
    throw new RangeError(`${name} (${at.toISOString()}) is outside the supported years 0001–9999`);
  }
  return ms;
}

/** The milliseconds of a `Date` argument, refusing invalid dates (any year otherwise). */
export function validDateMs(at: Date, name: string): number {
  const ms = Object.prototype.toString.call(at) === '[object Date]' ? at.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
}

/** `ms` moved into the supported range [MIN_SUPPORTED_MS, MAX_SUPPORTED_MS]. */
export function clampToSupported(ms: number): number {
  return Math.min(Math.max(ms, MIN_SUPPORTED_MS), MAX_SUPPORTED_MS);
}
