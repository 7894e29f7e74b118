import { describe, expect, it } from 'vitest';
import { rememberingLast } from './remembering-last.ts';

describe('rememberingLast', () => {
  it('computes once for a key repeated in a row, again when the key changes', () => {
    const seen: string[] = [];
    const upper = rememberingLast((key: string) => {
      seen.push(key);
      return { text: key.toUpperCase() };
    });
    const first = upper('a');
    expect(upper('a')).toBe(first);
    expect(upper('b')).toEqual({ text: 'B' });
    expect(upper('a')).toEqual({ text: 'A' });
    expect(upper('a')).not.toBe(first);
    expect(seen).toEqual(['a', 'b', 'a']);
  });

  it('remembers an answer of null or undefined like any other', () => {
    let calls = 0;
    const parse = rememberingLast((key: number) => {
      calls++;
      return key > 0 ? key : undefined;
    });
    expect(parse(0)).toBeUndefined();
    expect(parse(0)).toBeUndefined();
    expect(calls).toBe(1);
  });
});
