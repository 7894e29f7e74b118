import { validationFailed } from '../errors.ts';

/**
 * What one field of a cursor's position holds: a public id (`cus_01J…`), a database
 * sequence number as decimal text (bigint, so not a JS number), or an offset.
 */
type FieldKind = 'id' | 'seq' | 'offset';

type Position<F extends Readonly<Record<string, FieldKind>>> = {
  readonly [K in keyof F]: F[K] extends 'offset' ? number : string;
};

const ID = /^[0-9A-Za-z_-]{1,64}$/;
const SEQ = /^[0-9]{1,20}$/;

function holds(kind: FieldKind, value: unknown): boolean {
  switch (kind) {
    case 'id':
      return typeof value === 'string' && ID.test(value);
    case 'seq':
      return typeof value === 'string' && SEQ.test(value);
    case 'offset':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  }
}

/** One list's cursors: what `nextCursor` holds and what `?cursor=` takes back. */
export interface ListCursor<P> {
  /** The list the cursor belongs to (the tag inside it). */
  readonly list: string;
  encode(position: P): string;
  /**
   * @throws {AppError} 400 VALIDATION_FAILED naming `cursor` (in the query string) when the
   *   text is not a cursor of this list: garbage, another list's, or one edited by hand.
   */
  decode(cursor: string): P;
}

/**
 * Opaque pagination cursors: base64url JSON of the list's name and the keyset position of
 * the last item, e.g. `{"list":"customers","id":"cus_01J…"}`. Clients pass them back
 * untouched; decoding checks the list and every field's kind, and allows no other key,
 * so a cursor of `/v1/customers` is refused by `/v1/broadcasts` instead of quietly
 * reading as its first page.
 *
 * @example
 * const cursor = listCursor('orders', { seq: 'seq' });
 * cursor.decode(cursor.encode({ seq: '42' })) // → { seq: '42' }
 */
export function listCursor<const F extends Readonly<Record<string, FieldKind>>>(
  list: string,
  fields: F,
): ListCursor<Position<F>> {
  const keys = Object.keys(fields);
  return {
    list,
    encode: (position) => Buffer.from(JSON.stringify({ list, ...position })).toString('base64url'),
    decode: (cursor) => {
      const record = parse(cursor);
      if (
        record !== undefined &&
        record['list'] === list &&
        Object.keys(record).length === keys.length + 1 &&
        keys.every((key) => holds(fields[key]!, record[key]))
      ) {
        const { list: _list, ...position } = record;
        return position as Position<F>;
      }
      throw validationFailed(
        `Invalid querystring: cursor is not a cursor this API issued for ${list}`,
        [
          {
            field: 'cursor',
            message: `is not a cursor this API issued for ${list}`,
            in: 'querystring',
          },
        ],
      );
    },
  };
}

function parse(cursor: string): Record<string, unknown> | undefined {
  // Base64url only: Buffer.from would skip other characters and decode what is left.
  if (!/^[A-Za-z0-9_-]*$/.test(cursor)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One page of a keyset listing that read `limit + 1` rows: the first `limit` as `view`
 * shows them, and the cursor after the last of them (its `position`) when there were more.
 */
export function keysetPage<R, V, P>(
  rows: readonly R[],
  limit: number,
  view: (row: R) => V,
  cursor: ListCursor<P>,
  position: (last: R) => P,
): { items: V[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(view),
    nextCursor: rows.length > limit && last !== undefined ? cursor.encode(position(last)) : null,
  };
}
