import type { Customer, NewCustomer } from '@screenmagic/client';
import { useState } from 'preact/hooks';
import { api, unwrap } from '../api.ts';
import { CustomerForm } from '../components/CustomerForm.tsx';
import { ErrorView, Loading } from '../components/ErrorView.tsx';
import { PageTitle, NextPage } from '../components/Page.tsx';
import { dateTime } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { go, link } from '../router.ts';

/** Customers: search by name, the first page of matches, and a form to create one. */
export function CustomersPage() {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const list = useLoad(
    () =>
      unwrap(
        api().GET('/v1/customers', {
          params: {
            query: {
              limit: 25,
              ...(query ? { namePrefix: query } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
        }),
      ),
    [query, cursor],
  );
  const [busy, setBusy] = useState(false);
  const [createError, setCreateError] = useState<unknown>(null);

  return (
    <section>
      <PageTitle>Customers</PageTitle>
      <form
        role="search"
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          setCursor(undefined);
          setQuery(search.trim());
        }}
      >
        <label>
          Name starts with
          <input
            type="search"
            name="q"
            value={search}
            onInput={(e) => setSearch(e.currentTarget.value)}
          />
        </label>
        <button type="submit">Search</button>
      </form>
      <ErrorView error={list.error} title="Could not list customers" />
      {list.loading && list.data === undefined ? (
        <Loading what="customers" />
      ) : (
        list.data && (
          <>
            {list.data.items.length === 0 ? (
              <p>No customers{query ? ` whose name starts with “${query}”` : ''}.</p>
            ) : (
              <ul class="cards" aria-label="Customers found">
                {list.data.items.map((c: Customer) => (
                  <li key={c.id}>
                    <a href={link('customers', c.id)}>{c.name}</a>
                    <span class="muted"> · {c.timeZone}</span>
                    <span class="muted">
                      {' · '}
                      {c.reachable && c.nextDeliveryAt
                        ? `next window ${dateTime(c.nextDeliveryAt, c.timeZone)}`
                        : 'unreachable (no window in 28 days)'}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <NextPage cursor={list.data?.nextCursor} onNext={setCursor} />
          </>
        )
      )}
      <h2>New customer</h2>
      <ErrorView error={createError} title="The customer was not created" />
      <CustomerForm
        busy={busy}
        onSubmit={(body) => {
          setBusy(true);
          setCreateError(null);
          unwrap(api().POST('/v1/customers', { body: body as NewCustomer })).then(
            (created) => go(link('customers', created.id)),
            (error: unknown) => {
              setCreateError(error);
              setBusy(false);
            },
          );
        }}
      />
    </section>
  );
}
