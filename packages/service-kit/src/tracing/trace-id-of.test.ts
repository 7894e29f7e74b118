import { describe, expect, it } from 'vitest';
import { traceIdOf } from './trace-id-of.ts';

describe('traceIdOf', () => {
  it('reads the trace id of a stored traceparent', () => {
    expect(traceIdOf('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
  });

  it('gives none for no traceparent, a malformed one or the invalid all-zero trace', () => {
    expect(traceIdOf(null)).toBeUndefined();
    expect(traceIdOf(undefined)).toBeUndefined();
    expect(traceIdOf('not-a-traceparent')).toBeUndefined();
    expect(traceIdOf(`00-${'0'.repeat(32)}-00f067aa0ba902b7-01`)).toBeUndefined();
  });
});
