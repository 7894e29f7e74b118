import type { NewBroadcast } from '@screenmagic/client';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiFailure, api, availableOperations, rawCall, unwrap } from '../api.ts';
import { ErrorView, Unavailable } from '../components/ErrorView.tsx';
import { HourHistogram } from '../components/HourHistogram.tsx';
import { Fact, PageTitle } from '../components/Page.tsx';
import { dateTime } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { go, link } from '../router.ts';

/** `POST /v1/broadcasts/preview` (SPEC section 5). */
interface Preview {
  summary: Record<string, number>;
  byHour: Array<{ hour: string; count: number }>;
  lastScheduledFor: string | null;
  estimatedCompletion: string | null;
  recipients: Array<{
    customerId: string;
    name: string;
    status: string;
    reason?: string | null;
    scheduledForLocal?: string | null;
  }>;
  nextCursor: string | null;
}

const PREVIEW = 'POST /v1/broadcasts/preview';
const SUMMARY_LABELS: Record<string, string> = {
  sendingNow: 'Sending now',
  scheduled: 'Scheduled',
  unreachable: 'Unreachable (no window in 28 days)',
  suppressed: 'Suppressed (opted out or capped)',
};
const DEBOUNCE_MS = 400;

/**
 * Compose a broadcast: message, audience and send time, with a live preview (sends per hour,
 * unreachable and suppressed recipients, estimated completion) as they change; a send on a
 * day the business is closed asks for confirmation before it is queued for the next opening.
 */
export function BroadcastComposePage() {
  const [message, setMessage] = useState('');
  const [audience, setAudience] = useState<'all' | 'named'>('all');
  const [names, setNames] = useState('');
  const [when, setWhen] = useState<'now' | 'at'>('now');
  const [at, setAt] = useState('');
  const [queueIfClosed, setQueueIfClosed] = useState(false);
  const [preview, setPreview] = useState<{ data?: Preview; error?: unknown; loading: boolean }>({
    loading: false,
  });
  const [sendError, setSendError] = useState<unknown>(null);
  const [closedDay, setClosedDay] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const calendar = useLoad(() => unwrap(api().GET('/v1/business-calendar')), []);
  const canPreview = useLoad(async () => (await availableOperations()).has(PREVIEW), []);
  const zone = calendar.data?.calendar.timeZone ?? 'UTC';
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const body = useMemo((): NewBroadcast => {
    const list = names
      .split(/[\n,]/)
      .map((n) => n.trim())
      .filter((n) => n !== '');
    const sendAt = when === 'at' && at !== '' ? new Date(at) : undefined;
    return {
      message,
      ...(audience === 'named' ? { customers: list } : {}),
      ...(sendAt !== undefined && !Number.isNaN(sendAt.getTime())
        ? { sendAt: sendAt.toISOString() }
        : {}),
      ...(queueIfClosed ? { onClosedDay: 'queue' as const } : {}),
    };
  }, [message, audience, names, when, at, queueIfClosed]);
  // One key per composed body: a double click or a retry after a network error sends once.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), [body]);

  useEffect(() => {
    if (canPreview.data !== true || message.trim() === '') {
      setPreview({ loading: false });
      return;
    }
    let live = true;
    setPreview((p) => ({ ...p, loading: true }));
    const timer = setTimeout(() => {
      rawCall<Preview>('POST', '/v1/broadcasts/preview', { body }).then(
        (data) => live && setPreview({ data, loading: false }),
        (error: unknown) => live && setPreview({ error, loading: false }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [body, canPreview.data]);

  const send = (override?: NewBroadcast) => {
    setBusy(true);
    setSendError(null);
    const payload = override ?? body;
    unwrap(
      api().POST('/v1/broadcasts', {
        body: payload,
        headers: { 'Idempotency-Key': override ? crypto.randomUUID() : idempotencyKey },
      }),
    ).then(
      (accepted) => go(link('broadcasts', accepted.broadcastId)),
      (error: unknown) => {
        setBusy(false);
        if (error instanceof ApiFailure && error.code === 'BUSINESS_CLOSED') {
          const next = (error.body?.error as { nextOpening?: string } | undefined)?.nextOpening;
          setClosedDay(next ?? null);
          return;
        }
        setSendError(error);
      },
    );
  };

  const previewClosed =
    preview.error instanceof ApiFailure && preview.error.code === 'BUSINESS_CLOSED';
  return (
    <section>
      <PageTitle>Compose a broadcast</PageTitle>
      <div class="compose">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
        >
          <label>
            Message
            <textarea
              name="message"
              required
              rows={4}
              value={message}
              onInput={(e) => setMessage(e.currentTarget.value)}
            />
          </label>
          <fieldset>
            <legend>Audience</legend>
            <label class="check">
              <input
                type="radio"
                name="audience"
                checked={audience === 'all'}
                onChange={() => setAudience('all')}
              />{' '}
              Every customer
            </label>
            <label class="check">
              <input
                type="radio"
                name="audience"
                checked={audience === 'named'}
                onChange={() => setAudience('named')}
              />{' '}
              These customers
            </label>
            {audience === 'named' && (
              <label>
                Names (one per line or comma-separated)
                <textarea
                  name="customers"
                  rows={3}
                  value={names}
                  onInput={(e) => setNames(e.currentTarget.value)}
                />
              </label>
            )}
          </fieldset>
          <fieldset>
            <legend>When</legend>
            <label class="check">
              <input
                type="radio"
                name="when"
                checked={when === 'now'}
                onChange={() => setWhen('now')}
              />{' '}
              Now
            </label>
            <label class="check">
              <input
                type="radio"
                name="when"
                checked={when === 'at'}
                onChange={() => setWhen('at')}
              />{' '}
              At
            </label>
            {when === 'at' && (
              <label>
                Send at (your browser's time, {browserZone})
                <input
                  type="datetime-local"
                  name="sendAt"
                  value={at}
                  onInput={(e) => setAt(e.currentTarget.value)}
                />
              </label>
            )}
            <label class="check">
              <input
                type="checkbox"
                name="queue"
                checked={queueIfClosed}
                onChange={(e) => setQueueIfClosed(e.currentTarget.checked)}
              />{' '}
              On a day the business is closed, queue for the next opening
            </label>
          </fieldset>
          <ErrorView error={sendError} title="The broadcast was not sent" />
          {closedDay !== undefined && (
            <div class="confirm" role="alertdialog" aria-labelledby="closed-title">
              <p id="closed-title">
                <strong>The business is closed that day.</strong>{' '}
                {closedDay ? `It next opens ${dateTime(closedDay, zone)}.` : ''} Queue the broadcast
                for the next opening?
              </p>
              <button
                type="button"
                onClick={() => {
                  setClosedDay(undefined);
                  setQueueIfClosed(true);
                  send({ ...body, onClosedDay: 'queue' });
                }}
              >
                Queue for the next opening
              </button>{' '}
              <button type="button" class="secondary" onClick={() => setClosedDay(undefined)}>
                Don't send
              </button>
            </div>
          )}
          <button type="submit" disabled={busy || message.trim() === ''}>
            Send broadcast
          </button>
        </form>
        <aside class="preview" aria-labelledby="preview-title" aria-busy={preview.loading}>
          <h2 id="preview-title">Preview</h2>
          {canPreview.data === false ? (
            <Unavailable operation={PREVIEW} what="The live preview" />
          ) : message.trim() === '' ? (
            <p class="muted">Write a message to see how it spreads over the day.</p>
          ) : previewClosed ? (
            <p class="warning" role="status">
              The business is closed that day: sending will ask to queue it for the next opening.
            </p>
          ) : preview.error ? (
            <ErrorView error={preview.error} title="The API would refuse this broadcast" />
          ) : preview.data ? (
            <PreviewView preview={preview.data} zone={zone} />
          ) : (
            <p class="muted" role="status">
              Computing the preview…
            </p>
          )}
        </aside>
      </div>
    </section>
  );
}

function PreviewView({ preview, zone }: { preview: Preview; zone: string }) {
  const held = preview.recipients.filter(
    (r) => r.status === 'unreachable' || r.status === 'suppressed',
  );
  return (
    <div class="preview-body" data-preview-ready="true">
      <dl class="facts">
        {Object.entries(preview.summary).map(([k, v]) => (
          <Fact key={k} label={SUMMARY_LABELS[k] ?? k}>
            <span data-summary={k}>{v}</span>
          </Fact>
        ))}
        <Fact label="Last send">
          {preview.lastScheduledFor ? dateTime(preview.lastScheduledFor, zone) : '—'}
        </Fact>
        <Fact label="Estimated completion">
          {preview.estimatedCompletion ? dateTime(preview.estimatedCompletion, zone) : '—'}
        </Fact>
      </dl>
      <HourHistogram byHour={preview.byHour} timeZone={zone} />
      {held.length > 0 && (
        <>
          <h3>Not sent to</h3>
          <ul>
            {held.map((r) => (
              <li key={r.customerId}>
                {r.name}: {r.status}
                {r.reason ? ` (${r.reason})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
