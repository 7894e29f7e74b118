import { useState } from 'preact/hooks';
import type { Schemas } from '@screenmagic/client';
import { api, unwrap } from '../api.ts';
import { ErrorView } from '../components/ErrorView.tsx';
import { Field, Fields, type FieldSpec } from '../components/Field.tsx';
import type { Schedule } from './Calendar.tsx';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_NAMES = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** A form that edits the business calendar's schedule and saves it whole. */
type ScheduleFormProps = { schedule: Schedule; disabled: boolean; onSave: (s: Schedule) => void };

/** One interval per day (closed when blank); days with several intervals are shown, not edited. */
export function WeeklyForm({ schedule, disabled, onSave }: ScheduleFormProps) {
  const [rows, setRows] = useState(() =>
    Object.fromEntries(
      DAYS.map((d) => [
        d,
        { start: schedule.weekly[d][0]?.start ?? '', end: schedule.weekly[d][0]?.end ?? '' },
      ]),
    ),
  );
  const simple = DAYS.every((d) => schedule.weekly[d].length <= 1);
  return (
    <form
      class="weekly"
      onSubmit={(e) => {
        e.preventDefault();
        const weekly = Object.fromEntries(
          DAYS.map((d) => [
            d,
            rows[d]?.start && rows[d]?.end ? [{ start: rows[d].start, end: rows[d].end }] : [],
          ]),
        ) as Schedule['weekly'];
        onSave({ ...schedule, weekly });
      }}
    >
      <table>
        <caption>Opening hours, {schedule.timeZone}</caption>
        <tbody>
          {DAYS.map((d) => (
            <tr key={d}>
              <th scope="row">{DAY_NAMES[d]}</th>
              {simple ? (
                <>
                  {(['start', 'end'] as const).map((field) => (
                    <td key={field}>
                      <input
                        type="time"
                        aria-label={`${DAY_NAMES[d]} ${field === 'start' ? 'opens' : 'closes'}`}
                        disabled={disabled}
                        value={rows[d]?.[field]}
                        onInput={(e) =>
                          setRows({ ...rows, [d]: { ...rows[d]!, [field]: e.currentTarget.value } })
                        }
                      />
                    </td>
                  ))}
                </>
              ) : (
                <td colSpan={2}>
                  {schedule.weekly[d].length === 0
                    ? 'closed'
                    : schedule.weekly[d].map((r) => `${r.start}–${r.end}`).join(', ')}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {simple && (
        <button type="submit" disabled={disabled}>
          Save weekly hours
        </button>
      )}
    </form>
  );
}

export function ClosureForm({
  disabled,
  onAdd,
}: {
  disabled: boolean;
  onAdd: (c: { from: string; to: string; name?: string }) => void;
}) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [name, setName] = useState('');
  const fields: FieldSpec[] = [
    { label: 'From', type: 'date', name: 'closure-from', required: true, bind: [from, setFrom] },
    { label: 'To (optional)', type: 'date', name: 'closure-to', bind: [to, setTo] },
    { label: 'Name', name: 'closure-name', bind: [name, setName] },
  ];
  return (
    <form
      class="row"
      aria-label="Add a closure"
      onSubmit={(e) => {
        e.preventDefault();
        onAdd({ from, to: to || from, ...(name.trim() ? { name: name.trim() } : {}) });
      }}
    >
      <Fields disabled={disabled} fields={fields} />
      <button type="submit" disabled={disabled}>
        Add closure
      </button>
    </form>
  );
}

export function OverrideForm({
  disabled,
  onAdd,
}: {
  disabled: boolean;
  onAdd: (date: string, ranges: Array<{ start: string; end: string }>) => void;
}) {
  const [date, setDate] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const fields: FieldSpec[] = [
    { label: 'Date', type: 'date', name: 'override-date', required: true, bind: [date, setDate] },
    {
      label: 'Opens (blank: closed)',
      type: 'time',
      name: 'override-start',
      bind: [start, setStart],
    },
    { label: 'Closes', type: 'time', name: 'override-end', bind: [end, setEnd] },
  ];
  return (
    <form
      class="row"
      aria-label="Special hours on a date"
      onSubmit={(e) => {
        e.preventDefault();
        onAdd(date, start && end ? [{ start, end }] : []);
      }}
    >
      <Fields disabled={disabled} fields={fields} />
      <button type="submit" disabled={disabled}>
        Save special hours
      </button>
    </form>
  );
}

export function HolidaysForm({ schedule, disabled, onSave }: ScheduleFormProps) {
  const [country, setCountry] = useState(schedule.holidays?.country ?? '');
  const [region, setRegion] = useState(schedule.holidays?.region ?? '');
  return (
    <form
      class="row"
      aria-label="Public holidays"
      onSubmit={(e) => {
        e.preventDefault();
        const { holidays: _old, ...rest } = schedule;
        onSave(
          country.trim()
            ? {
                ...rest,
                holidays: {
                  country: country.trim().toUpperCase(),
                  ...(region.trim() ? { region: region.trim().toUpperCase() } : {}),
                },
              }
            : rest,
        );
      }}
    >
      <Field
        label="Country (ISO code, blank: none)"
        name="holidays-country"
        maxLength={2}
        disabled={disabled}
        value={country}
        onValue={setCountry}
      />
      <Field
        label="Region (optional)"
        name="holidays-region"
        disabled={disabled}
        value={region}
        onValue={setRegion}
      />
      <button type="submit" disabled={disabled}>
        Save holidays
      </button>
    </form>
  );
}

type ImportResult = Schemas['BusinessCalendarImport'];

export function ImportForm({ onImported }: { onImported: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const file = (e.currentTarget.elements.namedItem('ics') as HTMLInputElement).files?.[0];
        if (!file) return;
        setError(null);
        void file.text().then((text) =>
          unwrap(
            api().POST('/v1/business-calendar/import', {
              body: text,
              bodySerializer: (body: unknown) => body as string,
              headers: { 'content-type': 'text/calendar' },
            }),
          ).then((answer) => {
            setResult(answer);
            onImported();
          }, setError),
        );
      }}
    >
      <label>
        iCalendar file
        <input type="file" name="ics" accept=".ics,text/calendar" required />
      </label>
      <button type="submit">Import</button>
      <ErrorView error={error} title="The file was not imported" />
      {result && (
        <div role="status" data-imported>
          <p>
            Added:{' '}
            {(result.added ?? []).map((a) => a.summary ?? `${a.from}`).join(', ') || 'nothing'}
          </p>
          {(result.ignored ?? []).length > 0 && (
            <p>
              Ignored:{' '}
              {(result.ignored ?? [])
                .map((i) => `${i.summary ?? '?'} (${i.reason ?? ''})`)
                .join(', ')}
            </p>
          )}
        </div>
      )}
    </form>
  );
}
