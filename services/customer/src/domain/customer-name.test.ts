import { describe, expect, it } from 'vitest';
import { nameKey, normalizeName } from './customer-name.ts';

describe('normalizeName', () => {
  it('trims surrounding whitespace and says so', () => {
    expect(normalizeName('  Alice \t')).toEqual({ name: 'Alice', key: 'alice', changed: true });
  });

  it('keeps a clean name as given', () => {
    expect(normalizeName('Bob Smith')).toEqual({
      name: 'Bob Smith',
      key: 'bob smith',
      changed: false,
    });
  });

  it('gives a decomposed and a precomposed spelling the same name and key', () => {
    const decomposed = normalizeName('A\u030Ase');
    const precomposed = normalizeName('\u00C5se');
    expect(decomposed).toEqual({ name: '\u00C5se', key: '\u00E5se', changed: true });
    expect(precomposed).toEqual({ name: '\u00C5se', key: '\u00E5se', changed: false });
  });

  it('refuses a blank name', () => {
    expect(normalizeName(' \u00A0 ')).toEqual({ problem: 'must not be blank' });
  });

  it('refuses control characters inside a name', () => {
    expect(normalizeName('Ali\nce')).toEqual({ problem: 'must not contain control characters' });
  });

  it('counts characters, not UTF-16 units, against the length limit', () => {
    expect(normalizeName('😀'.repeat(200))).toMatchObject({ name: '😀'.repeat(200) });
    expect(normalizeName('a'.repeat(201))).toEqual({ problem: 'must be at most 200 characters' });
  });
});

describe('nameKey', () => {
  it('matches names case-insensitively after trimming, independent of the locale', () => {
    expect(nameKey('  ALICE ')).toBe(nameKey('alice'));
    expect(nameKey('ISTANBUL')).toBe('istanbul');
  });
});
