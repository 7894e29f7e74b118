import { listCursor, validationFailed } from '@screenmagic/service-kit';

/**
 * The cursor of a broadcast's recipients (the first page is in `POST /v1/broadcasts`'
 * answer, the rest from `GET /v1/broadcasts/{id}/recipients`). It names its broadcast:
 * a message id of another broadcast would quietly page through this one from elsewhere.
 */
export const RECIPIENTS_CURSOR = listCursor('recipients', { broadcastId: 'id', id: 'id' });

/**
 * The message id a recipients cursor continues after.
 *
 * @throws {AppError} 400 naming `cursor` when it is not a recipients cursor of `broadcastId`.
 */
export function readRecipientCursor(cursor: string, broadcastId: string): string {
  const position = RECIPIENTS_CURSOR.decode(cursor);
  if (position.broadcastId === broadcastId) return position.id;
  throw validationFailed('Invalid querystring: cursor belongs to another broadcast', [
    { field: 'cursor', message: 'is a cursor of another broadcast', in: 'querystring' },
  ]);
}
