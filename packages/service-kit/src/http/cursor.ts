import { validationFailed } from '../errors.ts';

/**
 * Opaque pagination cursors: the keyset position of the last item, as base64url JSON.
 * Clients pass them back untouched; a tampered one is a 400 naming `cursor`.
 */
export function encodeCursor(position: Readonly<Record<string, string | number>>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<K extends string>(
  cursor: string,
  keys: readonly K[],
): Record<K, string | number> {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (keys.every((key) => typeof record[key] === 'string' || typeof record[key] === 'number')) {
        return record as Record<K, string | number>;
      }
    }
  } catch {
    // fall through to the 400 below
  }
  throw validationFailed('Invalid cursor', [
    { field: 'cursor', message: 'is not a cursor this API issued' },
  ]);
}

/**
 * One page of a keyset listing that read `limit + 1` rows: the first `limit` as `view`
 * shows them, and the cursor after the last of them (its `position`) when there were more.
 */
export function keysetPage<R, V>(
  rows: readonly R[],
  limit: number,
  view: (row: R) => V,
  position: (last: R) => Readonly<Record<string, string | number>>,
): { items: V[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(view),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(position(last)) : null,
  };
}
