import { type RawBuilder, sql } from 'kysely';

/** A message and the instant one of its columns takes (its own delivery attempt). */
export interface IdInstant {
  readonly id: string;
  readonly at: Date;
}

/** Generated ids (`msg_` + ULID): one lower-case prefix, then digits and upper-case letters. */
const PLAIN_ID = /^([a-z]+_)[0-9A-Z]+$/;

/**
 * An SQL expression worth, for each row of `message` among `items`, that row's instant:
 * what a completion sets when the messages of a batch were delivered at different
 * instants (a real clock gives each attempt its own millisecond).
 *
 * A flat `CASE id WHEN … THEN … END` of 1,000 branches costs MariaDB ~500 comparisons
 * per row, 1,000 rows a batch, once per column it is used in: 44 µs of the server's CPU
 * per delivered message for the four instants a delivery sets (README, "Benchmarks").
 * So the ids are sorted and split in halves: `CASE WHEN id < 'pivot' THEN <lower half>
 * ELSE <upper half> END`, log2(n) comparisons a row. The comparisons run in the column's
 * collation, so the tree is used only for generated ids (one prefix, then digits and
 * upper-case letters: the same order in JavaScript, binary and case-insensitive
 * collations); anything else gets the flat `CASE`. Values are written into the SQL text
 * (ids checked above, instants as `'YYYY-MM-DD hh:mm:ss.sss'` UTC like the driver's):
 * the expression is built once and used for every column.
 */
export function instantById(items: readonly IdInstant[]): RawBuilder<Date> {
  const [first] = items;
  if (first === undefined) throw new RangeError('instantById needs at least one item');
  if (items.every((item) => item.at.getTime() === first.at.getTime())) {
    return sql<Date>`${first.at}`;
  }
  const prefix = PLAIN_ID.exec(first.id)?.[1];
  const plain =
    prefix !== undefined &&
    items.every((item) => PLAIN_ID.exec(item.id)?.[1] === prefix && item.id.length <= 64);
  if (!plain) {
    return sql<Date>`CASE id ${sql.join(
      items.map((item) => sql`WHEN ${item.id} THEN ${item.at}`),
      sql` `,
    )} END`;
  }
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sql.raw<Date>(tree(sorted, 0, sorted.length));
}

/** The instant of the rows among `sorted[from, to)`: a leaf, or a split on the middle id. */
function tree(sorted: readonly IdInstant[], from: number, to: number): string {
  const first = sorted[from];
  if (first === undefined) throw new RangeError('empty range');
  const at = first.at.getTime();
  let same = true;
  for (let i = from + 1; i < to && same; i++) same = sorted[i]?.at.getTime() === at;
  if (same) return literal(first.at);
  const middle = (from + to) >>> 1;
  const pivot = sorted[middle]?.id ?? '';
  return `CASE WHEN id < '${pivot}' THEN ${tree(sorted, from, middle)} ELSE ${tree(sorted, middle, to)} END`;
}

function literal(at: Date): string {
  return `'${at.toISOString().slice(0, 23).replace('T', ' ')}'`;
}
