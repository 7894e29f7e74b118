import { useState } from 'preact/hooks';
import { api, unwrap } from '../api.ts';
import { ErrorView, Loading } from '../components/ErrorView.tsx';
import { PageTitle, NextPage } from '../components/Page.tsx';
import { dateTime } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { link } from '../router.ts';

/** Pending orders and when each will be processed (business time and the customer's). */
export function OrdersPage() {
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const calendar = useLoad(() => unwrap(api().GET('/v1/business-calendar')), []);
  const orders = useLoad(
    () =>
      unwrap(
        api().GET('/v1/orders', {
          params: { query: { status: 'pending', ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [cursor],
  );
  const zone = calendar.data?.calendar.timeZone ?? 'UTC';
  return (
    <section>
      <PageTitle>Pending orders</PageTitle>
      <ErrorView error={orders.error} title="Could not list pending orders" />
      {orders.data === undefined ? (
        !orders.error && <Loading what="orders" />
      ) : orders.data.items.length === 0 ? (
        <p>No order is waiting.</p>
      ) : (
        <div class="table-wrap">
          <table class="orders">
            <caption>Orders waiting for the business to open</caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Customer</th>
                <th scope="col">Placed</th>
                <th scope="col">Processing at</th>
              </tr>
            </thead>
            <tbody>
              {orders.data.items.map((o) => (
                <tr key={o.orderId} data-order-id={o.orderId} data-processing-at={o.processingAt}>
                  <td>{o.orderId}</td>
                  <td>
                    <a href={link('customers', o.customerId)}>{o.customerName}</a>
                  </td>
                  <td>{dateTime(o.placedAt, zone)}</td>
                  <td>
                    {dateTime(o.processingAt, zone)}
                    <br />
                    <span class="muted">
                      their time {dateTime(o.processingAt, o.customerTimeZone)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NextPage cursor={orders.data?.nextCursor} onNext={setCursor} />
    </section>
  );
}
