import { describe, expect, it } from 'vitest';
import { problemMembers, wantsProblemJson } from './problem.ts';

describe('problemMembers', () => {
  it('gives the code as the problem type and the status phrase as the title', () => {
    expect(problemMembers(422, 'UNKNOWN_CUSTOMER', 'No customer "x"')).toEqual({
      type: 'tag:screenmagic,2026:UNKNOWN_CUSTOMER',
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'No customer "x"',
    });
  });
});

describe('wantsProblemJson', () => {
  it.each([
    ['application/problem+json', true],
    ['application/json, application/problem+json;q=0.9', true],
    ['Application/Problem+JSON', false],
    ['application/problem+json;q=0', false],
    ['application/json', false],
    ['*/*', false],
    [undefined, false],
  ])('Accept: %s → %s', (accept, expected) => {
    expect(wantsProblemJson(accept)).toBe(expected);
  });
});
