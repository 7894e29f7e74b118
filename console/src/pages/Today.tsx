import { messageStatusValues } from '@screenmagic/client';
import { api, availableOperations, rawCall, unwrap } from '../api.ts';
import { ErrorView, Loading, Unavailable } from '../components/ErrorView.tsx';
import { Fact, PageTitle } from '../components/Page.tsx';
import { count, dateTime } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { link } from '../router.ts';

const PAGE = 100;
const HOUR_MS = 3_600_000;

interface MessagePage {
  items: Array<{ status: string; deliveredAt?: string | null }>;
  nextCursor: string | null;
}

/** Counts one status's messages, a page at a time, up to `limit` (then "N+"). */
async function countStatus(status: string, limit = 1_000): Promise<string> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const query: string = new URLSearchParams({
      status,
      limit: String(PAGE),
      ...(cursor ? { cursor } : {}),
    }).toString();
    const page: MessagePage = await rawCall<MessagePage>('GET', `/v1/messages?${query}`);
    total += page.items.length;
    cursor = page.nextCursor;
  } while (cursor !== null && total < limit);
  return cursor === null ? count(total) : `${count(total)}+`;
}

async function deliveredSince(sinceMs: number): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const query: string = new URLSearchParams({
      status: 'delivered',
      limit: String(PAGE),
      ...(cursor ? { cursor } : {}),
    }).toString();
    const page: MessagePage = await rawCall<MessagePage>('GET', `/v1/messages?${query}`);
    total += page.items.filter(
      (m) => m.deliveredAt && new Date(m.deliveredAt).getTime() >= sinceMs,
    ).length;
    cursor = page.nextCursor;
    if (cursor === null) break;
  }
  return total;
}

/** Today: is the business open, when does that change, the queue, deliveries, pending orders. */
export function TodayPage() {
  const calendar = useLoad(() => unwrap(api().GET('/v1/business-calendar')), []);
  const pending = useLoad(
    () => unwrap(api().GET('/v1/orders', { params: { query: { status: 'pending' } } })),
    [],
  );
  const queue = useLoad(async () => {
    if (!(await availableOperations()).has('GET /v1/messages')) return null;
    const now = (await unwrap(api().GET('/v1/business-calendar'))).now;
    const counts = await Promise.all(
      messageStatusValues.map(async (s) => [s, await countStatus(s)] as const),
    );
    return { counts, lastHour: await deliveredSince(new Date(now).getTime() - HOUR_MS) };
  }, []);
  const cal = calendar.data;
  return (
    <section>
      <PageTitle>Today</PageTitle>
      <ErrorView error={calendar.error} title="Could not read the business calendar" />
      {cal ? (
        <dl class="facts today" data-open-now={String(cal.openNow)}>
          <Fact label="Now">{dateTime(cal.now, cal.calendar.timeZone)}</Fact>
          <Fact label="The business is">{cal.openNow ? 'open' : 'closed'}</Fact>
          {cal.nextClosing && (
            <Fact label="Closes">{dateTime(cal.nextClosing, cal.calendar.timeZone)}</Fact>
          )}
          <Fact label="Next opening">
            {cal.nextOpening
              ? dateTime(cal.nextOpening, cal.calendar.timeZone)
              : 'none within a year'}
          </Fact>
        </dl>
      ) : (
        !calendar.error && <Loading what="the business calendar" />
      )}

      <h2>Queue by status</h2>
      <ErrorView error={queue.error} title="Could not count the queue" />
      {queue.data === null ? (
        <Unavailable
          operation="GET /v1/messages"
          what="Counting the queue and the last hour's deliveries"
        />
      ) : queue.data ? (
        <>
          <table class="counts">
            <caption>Messages by status</caption>
            <tbody>
              {queue.data.counts.map(([status, n]) => (
                <tr key={status} data-status={status}>
                  <th scope="row">{status}</th>
                  <td>{n}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p data-delivered-last-hour={queue.data.lastHour}>
            Delivered in the last hour: <strong>{count(queue.data.lastHour)}</strong>
          </p>
        </>
      ) : (
        !queue.error && <Loading what="the queue" />
      )}

      <h2>Pending orders</h2>
      <ErrorView error={pending.error} title="Could not list pending orders" />
      {pending.data && (
        <p>
          <strong>
            {pending.data.items.length}
            {pending.data.nextCursor ? '+' : ''}
          </strong>{' '}
          waiting for the business to open. <a href={link('orders')}>See them</a>
        </p>
      )}
      <p>
        <a href={link('broadcasts', 'new')}>Compose a broadcast</a> ·{' '}
        <a href={link('customers')}>Find a customer</a>
      </p>
    </section>
  );
}
