/**
 * Every time shown is formatted by Intl from an instant the API gave (UTC), in a named IANA
 * zone: no time-zone arithmetic here. Locale: the browser's.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(undefined, { timeZone, ...options });
    formatters.set(key, f);
  }
  return f;
}

type When = string | Date;
const asDate = (at: When) => (typeof at === 'string' ? new Date(at) : at);

/** `Mon 7 Dec, 09:00 GMT` */
export function dateTime(at: When, timeZone: string): string {
  return formatter(timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(asDate(at));
}

/** `09:00` */
export function time(at: When, timeZone: string): string {
  return formatter(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    asDate(at),
  );
}

/** `Mon 7` (axis ticks): weekday and day of the month, in that order in every locale. */
export function dayTick(at: When, timeZone: string): string {
  const parts = formatter(timeZone, { weekday: 'short', day: 'numeric' }).formatToParts(asDate(at));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')}`;
}

/** `Mon 7 Dec` */
export function day(at: When, timeZone: string): string {
  return formatter(timeZone, { weekday: 'short', day: 'numeric', month: 'short' }).format(
    asDate(at),
  );
}

/** `GMT+1`, the zone's name at that instant. */
export function zoneName(at: When, timeZone: string): string {
  const part = formatter(timeZone, { timeZoneName: 'shortOffset' })
    .formatToParts(asDate(at))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** `09:00–13:30 (GMT)`: a range on one side's clock, with the zone's name at its start. */
export function range(start: When, end: When, timeZone: string): string {
  return `${day(start, timeZone)} ${time(start, timeZone)}–${time(end, timeZone)} ${zoneName(start, timeZone)}`;
}

export function count(n: number): string {
  return new Intl.NumberFormat().format(n);
}
