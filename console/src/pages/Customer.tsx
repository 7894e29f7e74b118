import { useState } from 'preact/hooks';
import { api, unwrap } from '../api.ts';
import { CustomerForm } from '../components/CustomerForm.tsx';
import { ErrorView, Loading } from '../components/ErrorView.tsx';
import { Explanation } from '../components/Explanation.tsx';
import { Fact, PageTitle } from '../components/Page.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { dateTime, range } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { go, link } from '../router.ts';

const WEEK_MS = 7 * 86_400_000;

/** The UTC midnight that starts the day of `instant` (an ISO string's date part is its UTC date). */
function utcDayStart(instant: string): string {
  return `${instant.slice(0, 10)}T00:00:00.000Z`;
}

/** One customer: facts, the week's window timeline, explanation now, edit and delete. */
export function CustomerPage({ id, query }: { id: string; query: URLSearchParams }) {
  const customer = useLoad(
    () => unwrap(api().GET('/v1/customers/{id}', { params: { path: { id } } })),
    [id],
  );
  const calendar = useLoad(() => unwrap(api().GET('/v1/business-calendar')), [id]);
  // Bumped by every save: the windows are read again (updatedAt may not move under a frozen test clock).
  const [saves, setSaves] = useState(0);
  const now = calendar.data?.now;
  const from = query.get('from') ?? (now === undefined ? undefined : utcDayStart(now));
  const windows = useLoad(
    () =>
      from === undefined
        ? Promise.resolve(undefined)
        : unwrap(
            api().GET('/v1/customers/{id}/windows', {
              params: {
                path: { id },
                query: { from, to: new Date(new Date(from).getTime() + WEEK_MS).toISOString() },
              },
            }),
          ),
    [id, from, saves],
  );
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  if (customer.error)
    return <ErrorView error={customer.error} title="Could not load the customer" />;
  if (customer.data === undefined) return <Loading what="the customer" />;
  const c = customer.data;
  const week = (offset: number) =>
    `${link('customers', id)}?from=${encodeURIComponent(new Date(new Date(from ?? c.createdAt).getTime() + offset * WEEK_MS).toISOString())}`;

  return (
    <section>
      <PageTitle>{c.name}</PageTitle>
      <dl class="facts">
        <Fact label="Time zone">{c.timeZone}</Fact>
        <Fact label="Phone">{c.phone ?? 'none (deliveries go to the name)'}</Fact>
        <Fact label="Reachable">
          {c.reachable ? 'yes' : 'no: no delivery window in the next 28 days'}
        </Fact>
        <Fact label="Next delivery">
          {c.nextDeliveryAt ? `${dateTime(c.nextDeliveryAt, c.timeZone)} (their time)` : '—'}
        </Fact>
      </dl>
      {c.warnings.length > 0 && (
        <ul class="warnings" aria-label="Warnings">
          {c.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}

      <h2>Window timeline</h2>
      <nav class="row" aria-label="Week">
        <a href={week(-1)}>← Previous week</a>
        <a href={link('customers', id)}>This week</a>
        <a href={week(1)}>Next week →</a>
      </nav>
      <ErrorView error={windows.error ?? calendar.error} title="Could not load the windows" />
      {windows.data ? (
        <>
          <Timeline
            data={windows.data}
            customerName={c.name}
            {...(now === undefined ? {} : { now })}
          />
          <details>
            <summary>Delivery windows this week ({windows.data.windows.length})</summary>
            {windows.data.windows.length === 0 ? (
              <p>No delivery window this week.</p>
            ) : (
              <ul class="windows">
                {windows.data.windows.map((w) => (
                  <li key={w.start} data-start={w.start} data-end={w.end}>
                    {range(w.start, w.end, c.timeZone)} their time ·{' '}
                    {range(w.start, w.end, windows.data!.business.timeZone)} business time
                  </li>
                ))}
              </ul>
            )}
          </details>
        </>
      ) : (
        !windows.error && <Loading what="the timeline" />
      )}

      <h2>Why now?</h2>
      <Explanation kind="customers" id={id} />

      <h2>Edit</h2>
      <ErrorView error={saveError} title="The changes were not saved" />
      {saved && (
        <p class="ok" role="status">
          Saved.
        </p>
      )}
      <CustomerForm
        key={`${c.updatedAt}-${saves}`}
        customer={c}
        busy={busy}
        onSubmit={(body) => {
          setBusy(true);
          setSaveError(null);
          setSaved(false);
          unwrap(
            api().PATCH('/v1/customers/{id}', {
              params: { path: { id } },
              body: body,
            }),
          ).then(
            () => {
              setBusy(false);
              setSaved(true);
              setSaves((n) => n + 1);
              customer.reload();
            },
            (error: unknown) => {
              setBusy(false);
              setSaveError(error);
            },
          );
        }}
      />
      <h2>Delete</h2>
      <button
        type="button"
        class="danger"
        onClick={() => {
          if (!confirm(`Delete ${c.name}? Their unsent messages are cancelled.`)) return;
          unwrap(api().DELETE('/v1/customers/{id}', { params: { path: { id } } })).then(
            () => go(link('customers')),
            (error: unknown) => setSaveError(error),
          );
        }}
      >
        Delete {c.name}
      </button>
    </section>
  );
}
