import { describe, expect, it } from 'vitest';
import { ifMatchHolds, parseIfMatch } from './if-match.ts';

describe('parseIfMatch', () => {
  it('reads *, one tag, and a list with weak members and empty elements', () => {
    expect(parseIfMatch(' * ')).toBe('*');
    expect(parseIfMatch('"13"')).toEqual([{ weak: false, opaque: '13' }]);
    expect(parseIfMatch('"1", W/"12" ,,"13"')).toEqual([
      { weak: false, opaque: '1' },
      { weak: true, opaque: '12' },
      { weak: false, opaque: '13' },
    ]);
  });

  it('refuses what is not an entity-tag list', () => {
    for (const value of ['', ' ', '3', '"3', '3"', 'w/"3"', '"3" "4"', '*, "3"', '"a"b"', ',']) {
      expect(parseIfMatch(value), value).toBeUndefined();
    }
  });
});

describe('ifMatchHolds', () => {
  const holds = (value: string, current: string | undefined) =>
    ifMatchHolds(parseIfMatch(value)!, current);

  it('holds when any member of the list is the current tag', () => {
    expect(holds('"1", "13"', '13')).toBe(true);
    expect(holds('"13", "1"', '13')).toBe(true);
    expect(holds('"1", "12"', '13')).toBe(false);
  });

  it('compares strongly: a weak tag never matches, nor a different spelling', () => {
    expect(holds('W/"12"', '12')).toBe(false);
    expect(holds('W/"12", "11"', '12')).toBe(false);
    expect(holds('"012"', '12')).toBe(false);
  });

  it('holds for * only when there is a current representation', () => {
    expect(holds('*', '1')).toBe(true);
    expect(holds('*', undefined)).toBe(false);
    expect(holds('"1"', undefined)).toBe(false);
  });
});
