import { describe, expect, it } from 'vitest';
import { canonicalJson, requestHash } from './request-hash.ts';

describe('requestHash', () => {
  it('ignores the order of object keys but not of array items', () => {
    expect(requestHash({ message: 'hi', customers: ['a', 'b'] })).toBe(
      requestHash({ customers: ['a', 'b'], message: 'hi' }),
    );
    expect(requestHash({ customers: ['a', 'b'] })).not.toBe(requestHash({ customers: ['b', 'a'] }));
  });

  it('tells different values apart', () => {
    expect(requestHash({ message: 'hi' })).not.toBe(requestHash({ message: 'hi!' }));
    expect(canonicalJson({ b: [1, { d: null, c: 'x' }], a: true })).toBe(
      '{"a":true,"b":[1,{"c":"x","d":null}]}',
    );
  });
});
