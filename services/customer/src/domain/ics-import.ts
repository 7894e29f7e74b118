import type { Closure, ClosureRange, Schedule } from '@screenmagic/hours-window';
import ICAL from 'ical.js';

/** A closure an import adds, by the event it came from. */
export interface ImportedClosure {
  readonly summary: string;
  readonly from: string;
  /** Inclusive (the event's DTEND is exclusive, RFC 5545 §3.6.1). */
  readonly to: string;
}

/** An event the import left out, and why. */
export interface IgnoredEvent {
  readonly summary: string;
  readonly reason: string;
}

export interface IcsImportPlan {
  /** The closures to append to the calendar's own, in the file's order. */
  readonly closures: readonly ClosureRange[];
  readonly added: readonly ImportedClosure[];
  readonly ignored: readonly IgnoredEvent[];
}

/** The file is not iCalendar at all (400 naming the body). */
export class IcsFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IcsFormatError';
  }
}

/** A finite recurrence is expanded up to this many occurrences; beyond it, it is ignored. */
export const MAX_OCCURRENCES = 366;
const MAX_NAME = 200;
const DAY_MS = 86_400_000;
const NO_SUMMARY = '(no SUMMARY)';

/**
 * Reads an iCalendar file (RFC 5545, parsed by ical.js) into closures for `calendar`:
 * every all-day event (`DTSTART;VALUE=DATE`) becomes a closure named by its SUMMARY,
 * from its first date to the day before its `DTEND` (exclusive; no DTEND or DURATION:
 * one day); a recurring all-day event with a finite rule (COUNT or UNTIL) becomes one
 * closure per occurrence (EXDATEs honoured). Left out, each with the reason: timed events
 * (a closure closes whole local dates), endless recurrences, single-occurrence changes
 * (RECURRENCE-ID), cancelled events, events already closed exactly so, and events
 * overlapping a date with special hours (a date cannot be both closed and overridden).
 * Dates are read as written: local dates of the calendar's own zone.
 *
 * @throws {IcsFormatError} when the text is not an iCalendar object.
 */
export function planIcsImport(text: string, calendar: Schedule): IcsImportPlan {
  const root = parseCalendar(text);
  const closures: ClosureRange[] = [];
  const added: ImportedClosure[] = [];
  const ignored: IgnoredEvent[] = [];
  const closed: Span[] = calendar.closures.map(spanOfClosure);
  const overrideDates = Object.keys(calendar.overrides);

  for (const component of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    const summary = (event.summary ?? '').trim() || NO_SUMMARY;
    const spans = readSpans(event, component);
    if ('reason' in spans) {
      ignored.push({ summary, reason: spans.reason });
      continue;
    }
    for (const span of spans.items) {
      const closure: ClosureRange = {
        from: span.from,
        to: span.to,
        ...(summary === NO_SUMMARY ? {} : { name: summary.slice(0, MAX_NAME) }),
      };
      const overridden = overrideDates.find((d) => span.from <= d && d <= span.to);
      if (overridden !== undefined) {
        ignored.push({
          summary,
          reason: `${describe(span)} includes ${overridden}, which has special hours (overrides): a date cannot be both closed and overridden`,
        });
      } else if (closed.some((c) => c.from <= span.from && span.to <= c.to)) {
        ignored.push({ summary, reason: `${describe(span)} is already a closure of the calendar` });
      } else {
        closed.push(span);
        closures.push(closure);
        added.push({ summary, from: span.from, to: span.to });
      }
    }
  }
  return { closures, added, ignored };
}

function parseCalendar(text: string): ICAL.Component {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch (error) {
    throw new IcsFormatError(`not an iCalendar file: ${(error as Error).message}`);
  }
  const first: unknown = Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed;
  if (!Array.isArray(first) || first[0] !== 'vcalendar') {
    throw new IcsFormatError('not an iCalendar file: expected BEGIN:VCALENDAR');
  }
  return new ICAL.Component(first as [string, unknown[], unknown[]]);
}

interface Span {
  readonly from: string;
  readonly to: string;
}

/** The closed date spans of one event, or why it cannot be imported. */
function readSpans(
  event: ICAL.Event,
  component: ICAL.Component,
): { items: Span[] } | { reason: string } {
  const status = component.getFirstPropertyValue('status');
  if (typeof status === 'string' && status.toUpperCase() === 'CANCELLED') {
    return { reason: 'cancelled (STATUS:CANCELLED)' };
  }
  if (event.isRecurrenceException()) {
    return {
      reason:
        'changes one occurrence of a recurring event (RECURRENCE-ID): import the series, or close that date by hand',
    };
  }
  if (!component.hasProperty('dtstart')) return { reason: 'no DTSTART' };
  const start = event.startDate;
  if (!start.isDate) {
    return {
      reason:
        'timed event (DTSTART has a time of day): closures close whole days; use an override for special hours',
    };
  }
  const end = event.endDate;
  if (!end.isDate) {
    return { reason: 'DTEND has a time of day while DTSTART is a date: not an all-day event' };
  }
  const days = Math.round((dayNumber(end) - dayNumber(start)) / DAY_MS);
  if (days < 1) return { reason: 'ends on or before its first day (DTEND is exclusive)' };
  if (!event.isRecurring()) return { items: [spanOf(dayNumber(start), days)] };

  const rules = component.getAllProperties('rrule').map((p) => p.getFirstValue() as ICAL.Recur);
  if (rules.some((rule) => !rule.isFinite())) {
    return {
      reason:
        'repeats without end (RRULE without COUNT or UNTIL): closures are dates, add the ones you mean one by one',
    };
  }
  const items: Span[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    if (items.length === MAX_OCCURRENCES) {
      return { reason: `repeats more than ${MAX_OCCURRENCES} times: too many closures to add` };
    }
    items.push(spanOf(dayNumber(next), days));
  }
  return items.length === 0 ? { reason: 'its recurrence has no occurrence' } : { items };
}

function dayNumber(time: ICAL.Time): number {
  return Date.UTC(time.year, time.month - 1, time.day);
}

function spanOf(first: number, days: number): Span {
  return { from: isoDay(first), to: isoDay(first + (days - 1) * DAY_MS) };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function describe(span: Span): string {
  return span.from === span.to ? span.from : `${span.from}/${span.to}`;
}

function spanOfClosure(closure: Closure): Span {
  return typeof closure === 'string'
    ? { from: closure, to: closure }
    : { from: closure.from, to: closure.to };
}
