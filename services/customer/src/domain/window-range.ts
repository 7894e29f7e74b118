import { validationFailed } from '@screenmagic/service-kit';

const DAY_MS = 86_400_000;
/** `to` defaults to this many days after `from`. */
export const DEFAULT_RANGE_DAYS = 7;
/** The longest range computed at once. */
export const MAX_RANGE_DAYS = 31;
const EARLIEST_MS = Date.UTC(1970, 0, 1);
const LATEST_MS = Date.UTC(9999, 0, 1);

/**
 * The `[from, to)` of a windows query: `from` defaults to `now`, `to` to `from` + 7 days;
 * `to` must be after `from` and at most 31 days after it; both within 1970–9998.
 *
 * @throws {AppError} 400 VALIDATION_FAILED naming `from` or `to`.
 */
export function windowRange(
  query: { readonly from?: string; readonly to?: string },
  now: Date,
): { from: Date; to: Date } {
  const from = query.from === undefined ? now : instant(query.from, 'from');
  const to =
    query.to === undefined
      ? new Date(from.getTime() + DEFAULT_RANGE_DAYS * DAY_MS)
      : instant(query.to, 'to');
  if (to.getTime() <= from.getTime()) {
    throw invalid('to', `must be after from (${from.toISOString()})`);
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw invalid(
      'to',
      `must be at most ${MAX_RANGE_DAYS} days after from (${from.toISOString()})`,
    );
  }
  return { from, to };
}

function instant(text: string, field: string): Date {
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw invalid(field, 'is not a valid instant');
  if (at.getTime() < EARLIEST_MS || at.getTime() >= LATEST_MS) {
    throw invalid(field, 'must be between 1970-01-01 and 9998-12-31');
  }
  return at;
}

function invalid(field: string, message: string) {
  return validationFailed(`Invalid query: ${field} ${message}`, [
    { field, message, in: 'querystring' },
  ]);
}
