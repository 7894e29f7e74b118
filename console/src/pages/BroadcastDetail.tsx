import { useState } from 'preact/hooks';
import { api, unwrap } from '../api.ts';
import { ErrorView, Loading } from '../components/ErrorView.tsx';
import { Fact, PageTitle, NextPage } from '../components/Page.tsx';
import { dateTime } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { link } from '../router.ts';

/** One broadcast: its counts by status, its recipients (paged) and cancelling what is unsent. */
export function BroadcastDetailPage({ id }: { id: string }) {
  const broadcast = useLoad(
    () => unwrap(api().GET('/v1/broadcasts/{id}', { params: { path: { id } } })),
    [id],
  );
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const recipients = useLoad(
    () =>
      unwrap(
        api().GET('/v1/broadcasts/{id}/recipients', {
          params: { path: { id }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [id, cursor, broadcast.data?.status],
  );
  const [cancelError, setCancelError] = useState<unknown>(null);
  if (broadcast.error)
    return <ErrorView error={broadcast.error} title="Could not load the broadcast" />;
  if (broadcast.data === undefined) return <Loading what="the broadcast" />;
  const b = broadcast.data;
  const counts = Object.entries(b.counts as Record<string, number>);
  return (
    <section>
      <PageTitle>Broadcast</PageTitle>
      <blockquote class="message-text">{b.message}</blockquote>
      <dl class="facts">
        <Fact label="Status">
          <span data-broadcast-status={b.status}>{b.status}</span>
        </Fact>
        <Fact label="Send at">{dateTime(b.sendAt, 'UTC')}</Fact>
        <Fact label="Recipients">{b.recipientCount}</Fact>
        {b.expiresAt && <Fact label="Expires">{dateTime(b.expiresAt, 'UTC')}</Fact>}
        {b.cancelledAt && <Fact label="Cancelled">{dateTime(b.cancelledAt, 'UTC')}</Fact>}
      </dl>
      <table class="counts">
        <caption>Messages by status</caption>
        <tbody>
          {counts.map(([status, n]) => (
            <tr key={status} data-status={status} data-count={n}>
              <th scope="row">{status}</th>
              <td>{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" class="secondary" onClick={broadcast.reload}>
        Refresh
      </button>{' '}
      {b.status === 'active' && (
        <button
          type="button"
          class="danger"
          onClick={() => {
            if (!confirm('Cancel every message of this broadcast that is not sent yet?')) return;
            setCancelError(null);
            unwrap(api().DELETE('/v1/broadcasts/{id}', { params: { path: { id } } })).then(
              broadcast.reload,
              setCancelError,
            );
          }}
        >
          Cancel unsent messages
        </button>
      )}
      <ErrorView error={cancelError} title="The broadcast was not cancelled" />
      <h2>Recipients</h2>
      <ErrorView error={recipients.error} title="Could not list the recipients" />
      {recipients.data && (
        <div class="table-wrap">
          <table class="recipients">
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Status</th>
                <th scope="col">Scheduled for (their time)</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {recipients.data.items.map((r) => (
                <tr key={r.messageId} data-message-id={r.messageId} data-status={r.status}>
                  <td>
                    <a href={link('customers', r.customerId)}>{r.name}</a>
                  </td>
                  <td>{r.status}</td>
                  <td>
                    {r.scheduledFor && r.scheduledForLocal ? (
                      <>
                        {/* The API's local time (with its offset) is the customer's wall clock. */}
                        <time dateTime={r.scheduledForLocal}>
                          {r.scheduledForLocal.slice(0, 10)} {r.scheduledForLocal.slice(11, 16)}{' '}
                          (UTC
                          {r.scheduledForLocal.slice(19)})
                        </time>
                        <br />
                        <span class="muted">{dateTime(r.scheduledFor, 'UTC')}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <a href={link('messages', r.messageId)}>{r.messageId}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NextPage cursor={recipients.data?.nextCursor} onNext={setCursor}>
        Next recipients
      </NextPage>
    </section>
  );
}
