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
