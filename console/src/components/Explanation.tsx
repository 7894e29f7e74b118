import { availableOperations, rawCall } from '../api.ts';
import { ErrorView, Loading, Unavailable } from './ErrorView.tsx';
import { useLoad } from '../hooks.ts';
import { dateTime } from '../format.ts';

interface SideExplanation {
  open: boolean;
  reason: string;
  closure?: string | null;
  localTime: string;
  nextChange: string | null;
}
/** `GET /v1/{messages|customers}/{id}/explain` (SPEC section 5). */
interface Explained {
  at: string;
  business: SideExplanation;
  customer: SideExplanation;
  window: {
    open: boolean;
    current?: { start: string; end: string } | null;
    nextOpening: string | null;
  };
  text: string;
}

function Side({ label, side }: { label: string; side: SideExplanation }) {
  return (
    <li>
      <strong>{label}</strong>: {side.open ? 'open' : 'closed'} ({side.reason}
      {side.closure ? `: ${side.closure}` : ''}), local time{' '}
      <time dateTime={side.localTime}>
        {/* The API gives it on that side's clock, with the offset: shown as given. */}
        {side.localTime.slice(0, 10)} {side.localTime.slice(11, 16)} (UTC{side.localTime.slice(19)})
      </time>
      {side.nextChange && <> · changes at {dateTime(side.nextChange, 'UTC')}</>}
    </li>
  );
}

/** Why a message waits or a customer is (not) reachable now, as the API explains it. */
export function Explanation({
  kind,
  id,
  at,
}: {
  kind: 'messages' | 'customers';
  id: string;
  /** The instant to explain (default: now, the API's). */
  at?: string;
}) {
  const operation = `GET /v1/${kind}/{id}/explain`;
  const loaded = useLoad(async () => {
    if (!(await availableOperations()).has(operation)) return null;
    const query = at === undefined ? '' : `?at=${encodeURIComponent(at)}`;
    return rawCall<Explained>('GET', `/v1/${kind}/${encodeURIComponent(id)}/explain${query}`);
  }, [kind, id, at]);
  if (loaded.loading && loaded.data === undefined) return <Loading what="the explanation" />;
  if (loaded.error) return <ErrorView error={loaded.error} title="Could not explain" />;
  if (loaded.data === null || loaded.data === undefined) {
    return <Unavailable operation={operation} what="The explanation" />;
  }
  const e = loaded.data;
  return (
    <div
      class="explanation"
      data-at={e.at}
      data-business-open={String(e.business.open)}
      data-customer-open={String(e.customer.open)}
      data-window-open={String(e.window.open)}
    >
      <p class="explain-text">{e.text}</p>
      <ul>
        <Side label="Business" side={e.business} />
        <Side label="Customer" side={e.customer} />
        <li>
          <strong>Window</strong>: {e.window.open ? 'open' : 'closed'}
          {e.window.nextOpening && <> · next opening {dateTime(e.window.nextOpening, 'UTC')}</>}
        </li>
      </ul>
    </div>
  );
}
