import { describe, expect, it } from 'vitest';
import { headMoved } from './head-moved.ts';

const head = { version: 3, customerChangeSeq: '9' };

describe('headMoved', () => {
  it('answers a caller that knows nothing at once', () => {
    expect(headMoved({}, head)).toBe(true);
  });

  it('holds a caller that has the version in force and does not watch the customers', () => {
    expect(headMoved({ version: 3 }, head)).toBe(false);
    expect(headMoved({ version: 2 }, head)).toBe(true);
    // A version ahead of the stored one (another database, a restore) is a difference too.
    expect(headMoved({ version: 4 }, head)).toBe(true);
  });

  it('answers a caller that watches the customers when the change head moved', () => {
    expect(headMoved({ version: 3, customerChangeSeq: '9' }, head)).toBe(false);
    expect(headMoved({ version: 3, customerChangeSeq: '8' }, head)).toBe(true);
    expect(headMoved({ customerChangeSeq: '9' }, head)).toBe(false);
    expect(headMoved({ customerChangeSeq: '10' }, head)).toBe(true);
  });
});
