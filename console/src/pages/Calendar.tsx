import type { BusinessCalendar } from '@screenmagic/client';
import { useState } from 'preact/hooks';
import { ApiFailure, api, availableOperations, rawCall } from '../api.ts';
import { ErrorView, Loading, Unavailable } from '../components/ErrorView.tsx';
import { Fact, PageTitle } from '../components/Page.tsx';
import { dateTime } from '../format.ts';
import { useLoad } from '../hooks.ts';
import {
  ClosureForm,
  HolidaysForm,
  ImportForm,
  OverrideForm,
  WeeklyForm,
} from './CalendarForms.tsx';

type Day = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
type Range = { start: string; end: string };
export type Schedule = {
  timeZone: string;
  weekly: Record<Day, Range[]>;
  closures: Array<string | { from: string; to?: string; name?: string }>;
  overrides: Record<string, Range[]>;
  holidays?: { country: string; region?: string };
};

/** The calendar as the API has it, with the ETag that a change must match. */
async function loadCalendar(): Promise<{ calendar: BusinessCalendar; etag: string | null }> {
  const result = await api().GET('/v1/business-calendar');
  if (!result.response.ok || result.data === undefined) {
    throw new ApiFailure(
      result.response.status,
      result.error ?? null,
      `The API answered ${result.response.status}`,
    );
  }
  return { calendar: result.data, etag: result.response.headers.get('etag') };
}

function scheduleOf(c: BusinessCalendar): Schedule {
  return {
    timeZone: c.timeZone,
    weekly: c.weekly,
    closures: c.closures ?? [],
    overrides: c.overrides ?? {},
    ...((c as { holidays?: Schedule['holidays'] }).holidays
      ? { holidays: (c as { holidays?: Schedule['holidays'] }).holidays }
      : {}),
  } as Schedule;
}

/** The business calendar: weekly hours, closures, overrides, holidays; changes and .ics import. */
export function CalendarPage() {
  const loaded = useLoad(loadCalendar, []);
  const ops = useLoad(availableOperations, []);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canPut = ops.data?.has('PUT /v1/business-calendar') ?? false;
  const canImport = ops.data?.has('POST /v1/business-calendar/import') ?? false;

  if (loaded.error)
    return <ErrorView error={loaded.error} title="Could not read the business calendar" />;
  if (loaded.data === undefined || ops.data === undefined)
    return <Loading what="the business calendar" />;
  const { calendar, etag } = loaded.data;
  const schedule = scheduleOf(calendar);
  const upcoming = (
    calendar as { upcomingClosures?: Array<{ from: string; to: string; name: string | null }> }
  ).upcomingClosures;

  const save = (next: Schedule, what: string) => {
    setSaveError(null);
    setNotice(null);
    rawCall('PUT', '/v1/business-calendar', {
      body: next,
      headers: etag ? { 'If-Match': etag } : {},
    }).then(
      () => {
        setNotice(`${what}: saved.`);
        loaded.reload();
      },
      (error: unknown) => setSaveError(error),
    );
  };

  return (
    <section>
      <PageTitle>Business calendar</PageTitle>
      <dl class="facts">
        <Fact label="Time zone">{calendar.timeZone}</Fact>
        <Fact label="Now">{calendar.openNow ? 'open' : 'closed'}</Fact>
        <Fact label="Next opening">
          {calendar.nextOpening ? dateTime(calendar.nextOpening, calendar.timeZone) : '—'}
        </Fact>
        {(calendar as { version?: number }).version !== undefined && (
          <Fact label="Version">{(calendar as { version?: number }).version}</Fact>
        )}
      </dl>
      {!canPut && (
        <Unavailable operation="PUT /v1/business-calendar" what="Changing the calendar" />
      )}
      <ErrorView error={saveError} title="The calendar was not changed" />
      {notice && (
        <p class="ok" role="status">
          {notice}
        </p>
      )}

      <h2>Weekly hours</h2>
      <WeeklyForm
        schedule={schedule}
        disabled={!canPut}
        onSave={(next) => save(next, 'Weekly hours')}
      />

      <h2>Closures</h2>
      {schedule.closures.length === 0 ? (
        <p>No closure.</p>
      ) : (
        <ul class="closures">
          {schedule.closures.map((c, i) => {
            const from = typeof c === 'string' ? c : c.from;
            const to = typeof c === 'string' ? c : (c.to ?? c.from);
            const name = typeof c === 'string' ? null : (c.name ?? null);
            return (
              <li key={`${from}-${i}`} data-from={from} data-to={to}>
                {from === to ? from : `${from} to ${to}`}
                {name && <> · {name}</>}{' '}
                {canPut && (
                  <button
                    type="button"
                    class="link"
                    onClick={() =>
                      save(
                        { ...schedule, closures: schedule.closures.filter((_, j) => j !== i) },
                        'Closure removed',
                      )
                    }
                  >
                    Remove {from}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <ClosureForm
        disabled={!canPut}
        onAdd={(closure) =>
          save({ ...schedule, closures: [...schedule.closures, closure] }, 'Closure added')
        }
      />

      {upcoming && upcoming.length > 0 && (
        <>
          <h3>Closed in the next 90 days</h3>
          <ul>
            {upcoming.map((u) => (
              <li key={`${u.from}-${u.to}`}>
                {u.from === u.to ? u.from : `${u.from} to ${u.to}`}: {u.name ?? 'closed'}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>Special hours (overrides)</h2>
      {Object.keys(schedule.overrides).length === 0 ? (
        <p>No override.</p>
      ) : (
        <ul>
          {Object.entries(schedule.overrides).map(([date, ranges]) => (
            <li key={date}>
              {date}:{' '}
              {ranges.length === 0 ? 'closed' : ranges.map((r) => `${r.start}–${r.end}`).join(', ')}{' '}
              {canPut && (
                <button
                  type="button"
                  class="link"
                  onClick={() => {
                    const overrides = { ...schedule.overrides };
                    delete overrides[date];
                    save({ ...schedule, overrides }, 'Override removed');
                  }}
                >
                  Remove {date}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <OverrideForm
        disabled={!canPut}
        onAdd={(date, ranges) =>
          save(
            { ...schedule, overrides: { ...schedule.overrides, [date]: ranges } },
            'Override saved',
          )
        }
      />

      <h2>Public holidays</h2>
      <HolidaysForm
        schedule={schedule}
        disabled={!canPut}
        onSave={(next) => save(next, 'Holidays')}
      />

      <h2>Import closures (.ics)</h2>
      {canImport ? (
        <ImportForm onImported={loaded.reload} />
      ) : (
        <Unavailable operation="POST /v1/business-calendar/import" what="Importing an .ics file" />
      )}
    </section>
  );
}
