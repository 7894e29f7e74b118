import type { Customer, CustomerPatch, NewCustomer, ScheduleInput } from '@screenmagic/client';
import { useState } from 'preact/hooks';
import { Field } from './Field.tsx';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof DAYS)[number];
/** `Mon` for `mon`. */
const dayName = (day: Day): string => day.charAt(0).toUpperCase() + day.slice(1);
type Closure = { from: string; to: string; name: string };

/** Every IANA zone the browser knows, for the time-zone field's suggestions. */
const ZONES: string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** The same hours on some days (what the form edits), when the schedule is that simple. */
function simpleHours(customer: Customer | undefined) {
  if (customer === undefined)
    return { start: '09:00', end: '18:00', days: DAYS.slice(0, 5), simple: true };
  const weekly = customer.workingHours.weekly as Record<Day, Array<{ start: string; end: string }>>;
  const open = DAYS.filter((d) => weekly[d].length > 0);
  const first = open[0] === undefined ? undefined : weekly[open[0]][0];
  const simple =
    first !== undefined &&
    open.every(
      (d) =>
        weekly[d].length === 1 &&
        weekly[d][0]?.start === first.start &&
        weekly[d][0]?.end === first.end,
    );
  return { start: first?.start ?? '09:00', end: first?.end ?? '18:00', days: open, simple };
}

function closuresOf(customer: Customer | undefined): Closure[] {
  return (customer?.workingHours.closures ?? []).map((c) =>
    typeof c === 'string'
      ? { from: c, to: c, name: '' }
      : { from: c.from, to: c.to ?? c.from, name: c.name ?? '' },
  );
}

/**
 * Create or edit a customer: name, phone, time zone, the same hours on chosen days, and
 * closures (vacations: they close the customer's side of the window). A schedule richer than
 * "same hours on some days" keeps its weekly hours unless the hours are changed here.
 */
export function CustomerForm({
  customer,
  busy,
  onSubmit,
}: {
  customer?: Customer;
  busy: boolean;
  onSubmit: (body: NewCustomer | CustomerPatch) => void;
}) {
  const initial = simpleHours(customer);
  const [name, setName] = useState(customer?.name ?? '');
  const [phone, setPhone] = useState(customer?.phone ?? '');
  const [timeZone, setTimeZone] = useState(customer?.timeZone ?? 'Asia/Kolkata');
  const [start, setStart] = useState(initial.start);
  const [end, setEnd] = useState(initial.end);
  const [days, setDays] = useState<Day[]>(initial.days);
  const [hoursTouched, setHoursTouched] = useState(customer === undefined);
  const [closures, setClosures] = useState<Closure[]>(closuresOf(customer));
  const setClosure = (i: number, field: keyof Closure, value: string) =>
    setClosures(closures.map((x, j) => (j === i ? { ...x, [field]: value } : x)));
  const prefix = customer === undefined ? 'new' : 'edit';
  const touch =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setHoursTouched(true);
    };

  const submit = (event: Event) => {
    event.preventDefault();
    const closureList = closures.map((c) => ({
      from: c.from,
      to: c.to || c.from,
      ...(c.name.trim() ? { name: c.name.trim() } : {}),
    }));
    const weekly = Object.fromEntries(
      DAYS.map((d) => [d, days.includes(d) ? [{ start, end }] : []]),
    );
    const base = customer?.workingHours;
    const workingHours = {
      timeZone,
      weekly: hoursTouched || base === undefined ? weekly : base.weekly,
      closures: closureList,
      ...(base?.overrides === undefined ? {} : { overrides: base.overrides }),
      ...(base?.holidays === undefined ? {} : { holidays: base.holidays }),
    } as unknown as ScheduleInput;
    const phoneValue = phone.trim() === '' ? null : phone.trim();
    onSubmit(
      customer === undefined
        ? { name, workingHours, ...(phoneValue === null ? {} : { phone: phoneValue }) }
        : { name, workingHours, phone: phoneValue },
    );
  };

  return (
    <form class="customer-form" onSubmit={submit}>
      <div class="row">
        <label>
          Name
          <input
            name="name"
            required
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label>
          Phone with country code (optional)
          <input
            name="phone"
            type="tel"
            placeholder="+91 98765 43210"
            value={phone}
            onInput={(e) => setPhone(e.currentTarget.value)}
          />
        </label>
        <label>
          Time zone
          <input
            name="timeZone"
            required
            list={`${prefix}-zones`}
            value={timeZone}
            onInput={(e) => setTimeZone(e.currentTarget.value)}
          />
          <datalist id={`${prefix}-zones`}>
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </label>
      </div>
      <fieldset>
        <legend>Working hours (their local time)</legend>
        {!initial.simple && !hoursTouched && (
          <p class="muted">
            These hours differ by day; they stay as they are unless you set new ones here.
          </p>
        )}
        <div class="row">
          <Field
            label="From"
            name="start"
            type="time"
            required
            value={start}
            onValue={touch(setStart)}
          />
          <Field label="To" name="end" type="time" required value={end} onValue={touch(setEnd)} />
        </div>
        <div class="days" role="group" aria-label="Working days">
          {DAYS.map((d) => (
            <label key={d} class="check">
              <input
                type="checkbox"
                name={`day-${d}`}
                checked={days.includes(d)}
                onChange={(e) =>
                  touch(setDays)(
                    e.currentTarget.checked
                      ? DAYS.filter((x) => x === d || days.includes(x))
                      : days.filter((x) => x !== d),
                  )
                }
              />
              {dayName(d)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Closures (vacations, their holidays)</legend>
        {closures.length === 0 && <p class="muted">None.</p>}
        {closures.map((c, i) => (
          <div class="row closure" key={i}>
            <label>
              From
              <input
                type="date"
                name={`closure-${i}-from`}
                required
                value={c.from}
                onInput={(e) => setClosure(i, 'from', e.currentTarget.value)}
              />
            </label>
            <label>
              To
              <input
                type="date"
                name={`closure-${i}-to`}
                value={c.to}
                onInput={(e) => setClosure(i, 'to', e.currentTarget.value)}
              />
            </label>
            <label>
              Name
              <input
                name={`closure-${i}-name`}
                value={c.name}
                onInput={(e) => setClosure(i, 'name', e.currentTarget.value)}
              />
            </label>
            <button
              type="button"
              class="secondary"
              onClick={() => setClosures(closures.filter((_, j) => j !== i))}
            >
              Remove closure {i + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          class="secondary"
          onClick={() => setClosures([...closures, { from: '', to: '', name: '' }])}
        >
          Add a closure
        </button>
      </fieldset>
      <button type="submit" disabled={busy}>
        {customer === undefined ? 'Create customer' : 'Save changes'}
      </button>
    </form>
  );
}
