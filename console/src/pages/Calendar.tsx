import type { BusinessCalendar } from '@screenmagic/client';
import { useState } from 'preact/hooks';
import { ApiFailure, api, unwrap } from '../api.ts';
import { ErrorView, Loading } from '../components/ErrorView.tsx';
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
  if (result.response.status === 401) await unwrap(Promise.resolve(result));
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
  return c.calendar;
}

/** The business calendar: weekly hours, closures, overrides, holidays; changes and .ics import. */
export function CalendarPage() {
  const loaded = useLoad(loadCalendar, []);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Every change is a PUT with If-Match: a stale page gets 412, never a lost update.
  const [busy, setBusy] = useState(false);

  if (loaded.error)
    return <ErrorView error={loaded.error} title="Could not read the business calendar" />;
  if (loaded.data === undefined) return <Loading what="the business calendar" />;
  const { calendar, etag } = loaded.data;
  const schedule = scheduleOf(calendar);
  const upcoming = calendar.upcomingClosures;

  const save = (next: Schedule, what: string) => {
    setSaveError(null);
    setNotice(null);
    setBusy(true);
    unwrap(
      api().PUT('/v1/business-calendar', {
        body: next,
        params: { header: etag === null ? {} : { 'if-match': etag } },
      }),
    ).then(
      () => {
        setBusy(false);
        setNotice(`${what}: saved.`);
        loaded.reload();
      },
      (error: unknown) => {
        setBusy(false);
        setSaveError(error);
      },
    );
  };

  return (
    <section>
      <PageTitle>Business calendar</PageTitle>
      <dl class="facts">
        <Fact label="Time zone">{schedule.timeZone}</Fact>
        <Fact label="Now">{calendar.openNow ? 'open' : 'closed'}</Fact>
        <Fact label="Next opening">
          {calendar.nextOpening ? dateTime(calendar.nextOpening, schedule.timeZone) : '—'}
        </Fact>
        <Fact label="Version">
          {calendar.version} (changed {dateTime(calendar.updatedAt, schedule.timeZone)})
        </Fact>
      </dl>
      <ErrorView error={saveError} title="The calendar was not changed" />
      {notice && (
        <p class="ok" role="status">
          {notice}
        </p>
      )}

      <h2>Weekly hours</h2>
      <WeeklyForm
        schedule={schedule}
        disabled={busy}
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
              </li>
            );
          })}
        </ul>
      )}
      <ClosureForm
        disabled={busy}
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
            </li>
          ))}
        </ul>
      )}
      <OverrideForm
        disabled={busy}
        onAdd={(date, ranges) =>
          save(
            { ...schedule, overrides: { ...schedule.overrides, [date]: ranges } },
            'Override saved',
          )
        }
      />

      <h2>Public holidays</h2>
      <HolidaysForm schedule={schedule} disabled={busy} onSave={(next) => save(next, 'Holidays')} />

      <h2>Import closures (.ics)</h2>
      <ImportForm onImported={loaded.reload} />
    </section>
  );
}
