import { useState } from 'preact/hooks';
import { availableOperations, rawCall } from '../api.ts';
import { ErrorView, Loading, Unavailable } from '../components/ErrorView.tsx';
import { PageTitle, NextPage } from '../components/Page.tsx';
import { dateTime } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { go, link } from '../router.ts';

interface BroadcastRow {
  broadcastId: string;
  message: string;
  status: string;
  sendAt: string;
  recipientCount?: number;
}

/** Broadcasts: compose, the list (when the API lists them), and opening one by id. */
export function BroadcastsPage() {
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [openId, setOpenId] = useState('');
  const list = useLoad(async () => {
    if (!(await availableOperations()).has('GET /v1/broadcasts')) return null;
    return rawCall<{ items: BroadcastRow[]; nextCursor: string | null }>(
      'GET',
      `/v1/broadcasts${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
  }, [cursor]);
  return (
    <section>
      <PageTitle>Broadcasts</PageTitle>
      <p>
        <a class="button" href={link('broadcasts', 'new')}>
          Compose a broadcast
        </a>
      </p>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          const id = openId.trim();
          if (id) go(id.startsWith('msg') ? link('messages', id) : link('broadcasts', id));
        }}
      >
        <label>
          Open a broadcast or message by id
          <input name="id" value={openId} onInput={(e) => setOpenId(e.currentTarget.value)} />
        </label>
        <button type="submit">Open</button>
      </form>
      <h2>Recent broadcasts</h2>
      <ErrorView error={list.error} title="Could not list broadcasts" />
      {list.data === null ? (
        <Unavailable operation="GET /v1/broadcasts" what="The list of broadcasts" />
      ) : list.data === undefined ? (
        !list.error && <Loading what="broadcasts" />
      ) : list.data.items.length === 0 ? (
        <p>No broadcast yet.</p>
      ) : (
        <ul class="cards">
          {list.data.items.map((b) => (
            <li key={b.broadcastId} data-broadcast-id={b.broadcastId}>
              <a href={link('broadcasts', b.broadcastId)}>{b.message.slice(0, 80)}</a>
              <span class="muted">
                {' '}
                · {b.status} · {dateTime(b.sendAt, 'UTC')}
                {b.recipientCount === undefined ? '' : ` · ${b.recipientCount} recipients`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <NextPage cursor={list.data?.nextCursor} onNext={setCursor} />
    </section>
  );
}
