import { api, unwrap } from '../api.ts';
import { ErrorView, Loading } from '../components/ErrorView.tsx';
import { Explanation } from '../components/Explanation.tsx';
import { Fact, PageTitle } from '../components/Page.tsx';
import { dateTime } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { link } from '../router.ts';

/** One entry of a message's `history` (SPEC section 5). */
interface HistoryEntry {
  at: string;
  event: string;
  reason: string;
  scheduledFor?: string | null;
  detail?: string | null;
}

/** A message: its state, every decision taken about it (history) and why it waits now. */
export function MessagePage({ id }: { id: string }) {
  const message = useLoad(
    () => unwrap(api().GET('/v1/messages/{id}', { params: { path: { id } } })),
    [id],
  );
  if (message.error) return <ErrorView error={message.error} title="Could not load the message" />;
  if (message.data === undefined) return <Loading what="the message" />;
  const m = message.data;
  const history = (m as { history?: HistoryEntry[] }).history;
  return (
    <section>
      <PageTitle>Message to {m.customerName}</PageTitle>
      <blockquote class="message-text">{m.text}</blockquote>
      <dl class="facts">
        <Fact label="Status">
          <span data-message-status={m.status}>{m.status}</span>
        </Fact>
        <Fact label="Customer">
          <a href={link('customers', m.customerId)}>{m.customerName}</a> ({m.timeZone})
        </Fact>
        {m.broadcastId && (
          <Fact label="Broadcast">
            <a href={link('broadcasts', m.broadcastId)}>{m.broadcastId}</a>
          </Fact>
        )}
        <Fact label="Scheduled for">
          {m.scheduledFor ? `${dateTime(m.scheduledFor, m.timeZone)} their time` : '—'}
        </Fact>
        <Fact label="Delivered">{m.deliveredAt ? dateTime(m.deliveredAt, m.timeZone) : '—'}</Fact>
        <Fact label="Attempts">{m.attempts}</Fact>
        {m.lastError && <Fact label="Last error">{m.lastError}</Fact>}
      </dl>
      <button type="button" class="secondary" onClick={message.reload}>
        Refresh
      </button>
      <h2>History</h2>
      {history === undefined ? (
        <p class="unavailable" role="note">
          <strong>Not available:</strong> this API does not give a message's history yet.
        </p>
      ) : (
        <ol class="history">
          {history.map((h, i) => (
            <li key={i} data-event={h.event} data-reason={h.reason}>
              <time dateTime={h.at}>{dateTime(h.at, m.timeZone)}</time> <strong>{h.event}</strong> (
              {h.reason}){h.scheduledFor && <> for {dateTime(h.scheduledFor, m.timeZone)}</>}
              {h.detail && <> · {h.detail}</>}
            </li>
          ))}
        </ol>
      )}
      <h2>Why it waited</h2>
      <p class="muted">At acceptance, {dateTime(m.createdAt, m.timeZone)} their time:</p>
      <Explanation kind="messages" id={id} at={m.createdAt} />
      <h2>Now</h2>
      <Explanation kind="messages" id={id} />
    </section>
  );
}
