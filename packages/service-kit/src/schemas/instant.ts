/**
 * The instants the API accepts: RFC 3339 date-times with an offset, from
 * {@link EARLIEST_INSTANT} to {@link LATEST_INSTANT} inclusive. Every instant in a request
 * (body, query) goes through the `date-time` format of the kit's validator, which is
 * {@link instantProblem}; routes may then read it with `new Date(text)`.
 *
 * Why these bounds: an order, a broadcast or a test clock outside this century is a typo;
 * inside it, every computation that follows (a next opening up to a year later, a 31-day
 * window, a DATETIME column, Intl's calendar output) stays far from what the database and
 * the hours-window library can represent.
 */
export const EARLIEST_INSTANT = '2000-01-01T00:00:00.000Z';
export const LATEST_INSTANT = '2099-12-31T23:59:59.999Z';

const EARLIEST_MS = Date.parse(EARLIEST_INSTANT);
const LATEST_MS = Date.parse(LATEST_INSTANT);

/** `date-time` of RFC 3339 §5.6 (`T`/`Z` in either case, a space for `T` as §5.6 notes). */
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** The range in words, for error messages and schema descriptions. */
export const INSTANT_RANGE_TEXT = `from ${EARLIEST_INSTANT} to ${LATEST_INSTANT}`;

/**
 * What is wrong with `text` as an instant of the API, or null when it is one. Only a
 * message (the caller names the field): "is not an RFC 3339 instant …" or "is out of range …".
 * A leap second (`:60`) is refused: JavaScript's Date cannot hold it.
 */
export function instantProblem(text: string): string | null {
  const ms = parseRfc3339(text);
  if (
    ms === null &&
    /^[^:]*:\d{2}:60(?!\d)/.test(text) &&
    parseRfc3339(text.replace(':60', ':59'))
  ) {
    return 'is a leap second (:60), which is not accepted: use :59.999';
  }
  if (ms === null) {
    return 'is not an RFC 3339 instant with an offset (e.g. 2026-11-30T03:30:00.000Z)';
  }
  if (ms < EARLIEST_MS || ms > LATEST_MS) return `is out of range: must be ${INSTANT_RANGE_TEXT}`;
  return null;
}

/** Whether `text` is an instant the API accepts (the `date-time` format's check). */
export function isAcceptedInstant(text: string): boolean {
  return instantProblem(text) === null;
}

/** Milliseconds of an RFC 3339 date-time that names a real instant, or null. */
function parseRfc3339(text: string): number | null {
  const m = RFC3339.exec(text);
  if (m === null) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offsetMinutes =
    m[8] === undefined ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (Number(m[9] ?? 0) > 23 || Number(m[10] ?? 0) > 59) return null;
  const milliseconds = Number(`${(m[7] ?? '.').slice(1)}000`.slice(0, 3));
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, milliseconds);
  const ms = utc.getTime() - offsetMinutes * 60_000;
  // Routes read the text with `new Date(text)`: accept only what it reads the same way.
  return new Date(text).getTime() === ms ? ms : null;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}
