import { ApiFailure } from '../api.ts';

/**
 * An error as the API said it: status, code, message and every detail with its field named.
 * Anything else (a bug, the network) still says what happened: never a blank page.
 */
export function ErrorView({ error, title }: { error: unknown; title?: string }) {
  if (error === undefined || error === null) return null;
  if (error instanceof ApiFailure) {
    return (
      <div class="error" role="alert" data-error-code={error.code ?? ''}>
        <p>
          <strong>{title ?? 'The API refused this'}</strong>
          {error.status > 0 && (
            <>
              {' '}
              ({error.status}
              {error.code ? ` ${error.code}` : ''})
            </>
          )}
          : {error.message}
        </p>
        {error.details.length > 0 && (
          <ul>
            {error.details.map((detail, i) => (
              <li key={i}>
                {typeof detail['field'] === 'string' && detail['field'] !== '' && (
                  <>
                    <code class="field">{detail['field']}</code>:{' '}
                  </>
                )}
                {typeof detail['message'] === 'string' ? detail['message'] : JSON.stringify(detail)}
              </li>
            ))}
          </ul>
        )}
        {error.body?.requestId && <p class="muted">Request id {error.body.requestId}</p>}
      </div>
    );
  }
  return (
    <div class="error" role="alert">
      <p>
        <strong>{title ?? 'Something went wrong'}</strong>:{' '}
        {String((error as Error)?.message ?? error)}
      </p>
    </div>
  );
}

/** What a page shows when the API lacks the operation it needs. */
export function Unavailable({ operation, what }: { operation: string; what: string }) {
  return (
    <div class="unavailable" role="note" data-unavailable={operation}>
      <p>
        <strong>Not available:</strong> {what} needs <code>{operation}</code>, which this API does
        not offer yet.
      </p>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="muted" role="status">
      Loading {what}…
    </p>
  );
}
