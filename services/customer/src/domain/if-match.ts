/** An entity tag as RFC 9110 §8.8.3 writes it: `"13"` (strong) or `W/"13"` (weak). */
export interface EntityTag {
  readonly weak: boolean;
  /** The characters between the quotes. */
  readonly opaque: string;
}

/** A parsed `If-Match`: `*` (any current representation) or a list of entity tags. */
export type IfMatch = '*' | readonly EntityTag[];

/** One list member and what follows it: OWS, then a comma or the end (RFC 9110 §5.6.1). */
const MEMBER = /^[ \t]*(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"[ \t]*(?:,|$)/;
const EMPTY_MEMBER = /^[ \t]*,/;

/**
 * Reads an `If-Match` field value (RFC 9110 §13.1.1): `*`, or a comma-separated list of
 * entity tags (empty members allowed, as in every list field). Several header lines reach
 * us joined by `, `, which is the same list. Returns undefined when the value is neither,
 * e.g. an unquoted `3` or `*` inside a list.
 *
 * @example
 * parseIfMatch('"1", W/"2"') // → [{ weak: false, opaque: '1' }, { weak: true, opaque: '2' }]
 * parseIfMatch('3') // → undefined
 */
export function parseIfMatch(value: string): IfMatch | undefined {
  if (value.trim() === '*') return '*';
  const tags: EntityTag[] = [];
  let rest = value;
  while (rest.trim() !== '') {
    const empty = EMPTY_MEMBER.exec(rest);
    if (empty) {
      rest = rest.slice(empty[0].length);
      continue;
    }
    const member = MEMBER.exec(rest);
    if (!member) return undefined;
    tags.push({ weak: member[1] !== undefined, opaque: member[2]! });
    rest = rest.slice(member[0].length);
  }
  return tags.length === 0 ? undefined : tags;
}

/**
 * Whether `condition` holds for the representation whose strong ETag is `current`
 * (undefined: there is none). `*` holds when there is one; a list when any member is equal
 * to it by the strong comparison (§8.8.3.2): a weak tag never matches, whatever it holds.
 *
 * @example
 * ifMatchHolds(parseIfMatch('"1", "13"')!, '13') // → true
 * ifMatchHolds(parseIfMatch('W/"13"')!, '13') // → false
 */
export function ifMatchHolds(condition: IfMatch, current: string | undefined): boolean {
  if (current === undefined) return false;
  if (condition === '*') return true;
  return condition.some((tag) => !tag.weak && tag.opaque === current);
}
