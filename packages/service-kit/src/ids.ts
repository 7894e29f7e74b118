import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new public id: `<prefix>_` + a 26-character ULID (48-bit millisecond time, 80 random
 * bits, Crockford base32). Ids made later sort later, so InnoDB appends instead of
 * splitting pages on bulk inserts. The time part is the machine's real time (ids are
 * not domain time, so the test clock does not apply).
 */
export function newId(prefix: string): string {
  // eslint-disable-next-line no-restricted-syntax -- id ordering, not domain time
  return `${prefix}_${ulid(Date.now())}`;
}

/** Many ids at once, one random read (bulk inserts of 100,000 messages). */
export function newIds(prefix: string, count: number): string[] {
  // eslint-disable-next-line no-restricted-syntax -- id ordering, not domain time
  const time = encodeTime(Date.now());
  const random = randomBytes(10 * count);
  const ids = new Array<string>(count);
  for (let i = 0; i < count; i++) ids[i] = `${prefix}_${time}${encodeRandom(random, i * 10)}`;
  return ids;
}

function ulid(ms: number): string {
  return encodeTime(ms) + encodeRandom(randomBytes(10), 0);
}

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[rest % 32]! + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function encodeRandom(bytes: Buffer, offset: number): string {
  // 80 bits → 16 base32 characters, 5 bits at a time.
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (let i = offset; i < offset + 10; i++) {
    buffer = (buffer << 8) | bytes[i]!;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(buffer >>> (bits - 5)) & 31]!;
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}
