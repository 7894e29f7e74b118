import { parseSchedule, type Schedule, ScheduleError } from '@screenmagic/hours-window';
import { AppError, type Clock, pointerToPath, validationFailed } from '@screenmagic/service-kit';
import { IcsFormatError, type IcsImportPlan, planIcsImport } from '../domain/ics-import.ts';
import { type IfMatch, parseIfMatch } from '../domain/if-match.ts';
import {
  type BusinessCalendarStore,
  type CurrentCalendar,
  StaleVersionError,
} from './business-calendar-store.ts';

/** What the calendar use cases work with, built once in `buildApp`. */
export interface CalendarDeps {
  readonly clock: Clock;
  readonly store: BusinessCalendarStore;
}

/**
 * `PUT /v1/business-calendar`: stores `body` (any schedule form; without a zone, the
 * current calendar's) as the next version — with `ifMatch`, only if it holds for the
 * version in force.
 *
 * @throws {AppError} 400 naming the field of a bad schedule; 412 PRECONDITION_FAILED on a
 *   stale version (nothing is changed either way).
 */
export async function replaceCalendar(
  { clock, store }: CalendarDeps,
  body: unknown,
  ifMatch: IfMatch | undefined,
): Promise<CurrentCalendar> {
  const current = await store.current();
  const schedule = readSchedule(body, current.schedule.timeZone);
  try {
    return await store.replace(schedule, ifMatch, clock.now());
  } catch (error) {
    throw stale(error);
  }
}

/**
 * `POST /v1/business-calendar/import`: adds the all-day events of an .ics file to the
 * closures (planned by `planIcsImport` against the calendar in force, and planned again
 * if another change got in first). Nothing to add stores no new version.
 *
 * @throws {AppError} 400 naming `body` when the text is not iCalendar.
 */
export async function importCalendar(
  { clock, store }: CalendarDeps,
  text: string,
): Promise<{ readonly current: CurrentCalendar; readonly plan: IcsImportPlan }> {
  let plan: IcsImportPlan = { closures: [], added: [], ignored: [] };
  const current = await store
    .update(
      (calendar) => {
        plan = readImport(text, calendar.schedule);
        if (plan.closures.length === 0) return null;
        const { schedule } = calendar;
        return readSchedule(
          { ...schedule, closures: [...schedule.closures, ...plan.closures] },
          schedule.timeZone,
        );
      },
      undefined,
      clock.now(),
    )
    .catch((error: unknown) => {
      throw stale(error);
    });
  return { current, plan };
}

/**
 * The `If-Match` header (RFC 9110 §13.1.1; see `parseIfMatch`), or undefined without one.
 *
 * @throws {AppError} 400 naming `if-match` when it is neither `*` nor a list of entity tags
 *   (an unquoted `3` is not one: it could only be guessed at).
 */
export function readIfMatch(header: string | undefined): IfMatch | undefined {
  if (header === undefined) return undefined;
  const condition = parseIfMatch(header);
  if (condition !== undefined) return condition;
  throw validationFailed(
    'Invalid headers: if-match must be * or a list of entity tags such as "3" (the ETag as read)',
    [{ field: 'if-match', message: 'is not * or a list of entity tags', in: 'headers' }],
  );
}

function readSchedule(body: unknown, zone: string): Schedule {
  try {
    return parseSchedule(body, { defaultTimeZone: zone });
  } catch (error) {
    if (!(error instanceof ScheduleError)) throw error;
    // Body fields are named from the body's root, as the schema validation names them.
    const field = error.path === '' ? 'body' : pointerToPath(error.path);
    throw validationFailed(`Invalid business calendar: ${field} ${error.reason}`, [
      { field, message: error.reason },
    ]);
  }
}

function readImport(text: string, calendar: Schedule): IcsImportPlan {
  try {
    return planIcsImport(text, calendar);
  } catch (error) {
    if (!(error instanceof IcsFormatError)) throw error;
    throw validationFailed(`Invalid iCalendar file: ${error.message}`, [
      { field: 'body', message: error.message },
    ]);
  }
}

function stale(error: unknown): unknown {
  if (!(error instanceof StaleVersionError)) return error;
  return new AppError(
    412,
    'PRECONDITION_FAILED',
    `If-Match names a version that is no longer in force: the business calendar is at version ${error.current}`,
    { extra: { currentVersion: error.current } },
  );
}
